"""The real Node subscription clients (tests/clients/subscriptions) run against a served hub.

Each client is a process printing one JSON line per message it receives; a reader thread
collects them so a test can wait (bounded) for the one it expects.
"""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CLIENTS = Path(__file__).resolve().parent / "clients" / "subscriptions"
Message = dict[str, Any]


class NodeSubscriber:
    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.messages: list[Message] = []
        self.raw: list[str] = []
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._changed:
                self.raw.append(line)
                try:
                    self.messages.append(json.loads(line))
                except ValueError:
                    self.messages.append({"event": "unparsed", "line": line})
                self._changed.notify_all()

    def wait_for(self, matches: Callable[[Message], bool], timeout: float = 20) -> Message:
        """The first message that `matches`, waiting at most `timeout` seconds for it."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for message in self.messages:
                    if matches(message):
                        return message
                left = deadline - time.monotonic()
                assert left > 0, f"no matching message in {timeout}s; got {self.messages}"
                self._changed.wait(left)

    def payloads(self, op: str) -> list[dict[str, Any]]:
        with self._changed:
            return [m["payload"] for m in self.messages if m.get("op") == op and "payload" in m]


@contextmanager
def node_subscriber(
    transport: str,
    url: str,
    operations: Sequence[Mapping[str, Any]],
    auth: Mapping[str, str] | None = None,
) -> Iterator[NodeSubscriber]:
    """`transport` is `ws` (graphql-ws) or `sse` (graphql-sse); runs until the block ends."""
    spec = json.dumps({"auth": dict(auth or {}), "operations": list(operations)})
    process = subprocess.Popen(
        ["node", str(CLIENTS / "subscribe.mjs"), transport, url, spec],
        cwd=CLIENTS,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    subscriber = NodeSubscriber(process)
    try:
        yield subscriber
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
