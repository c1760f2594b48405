"""Schema tests read the seed graph (see tests/seeded.py), or a synthetic one where a test
needs more hits than the seed holds."""

from __future__ import annotations

import pytest
from neo4j import AsyncDriver

from graph.database.cypher import Cypher
from graph.database.maintenance import delete_everything
from seed.load import load_synthetic
from tests.seeded import DATABASE, seeded

__all__ = ["seeded", "synthetic_experts"]


@pytest.fixture(scope="module")
async def synthetic_experts(driver: AsyncDriver) -> Cypher:
    """400 synthetic experts (seed 3): "a*" names more than a hundred of them."""
    cypher = Cypher(driver, DATABASE)
    await delete_everything(cypher)
    await load_synthetic(cypher, 400, 3)
    return cypher
