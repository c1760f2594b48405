"""The soak's CI version: bench/soak.py's mixed load, reads and editor writes, for 60 s
against a served hub over the seed graph, answers every request without an error.

Time limits are set far out of reach here: the soak looks for errors and leaks, and a loaded
CI machine must not turn into QUERY_TIMEOUTs (tests/api/test_time_limits.py covers those).
The worker's memory growth is printed, not asserted (figures belong to bench/README.md);
the 10-minute run is `python -m bench.soak --seconds 600` against a running hub.
"""

from __future__ import annotations

from bench.soak import READS, soak
from tests.editors import SECRET
from tests.live_hub import hub_env, live_hub
from tests.neo4j_server import Neo4jServer
from tests.seeded import SeededGraph

SECONDS = 60


async def test_a_minute_of_mixed_load_answers_without_errors(
    neo4j_server: Neo4jServer, seeded: SeededGraph
) -> None:
    limits = {f"HUB_{name}_TIMEOUT": "600" for name in ("READ", "ANALYSIS", "WRITE")}
    env = hub_env(neo4j_server, HUB_JWT_SECRET=SECRET, HUB_RATE_LIMIT_PER_MINUTE="0", **limits)
    with live_hub(env) as hub:
        result = await soak(hub.url, SECONDS, concurrency=4, secret=SECRET)
    print(result.summary())
    assert result.requests > len(READS) * 4
    assert result.errors == {}
