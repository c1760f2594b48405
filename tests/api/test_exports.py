"""Exports open in networkx and igraph with names in every language and link properties."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import igraph
import networkx as nx
import pytest

from graph.model import Label
from tests.app_client import app_client, hub_settings
from tests.neo4j_server import Neo4jServer
from tests.seeded import SeededGraph, gid

ROLL_OUT = gid(Label.EVENT, "rtcm-roll-out-session")


@pytest.fixture
async def client(
    neo4j_server: Neo4jServer, seeded: SeededGraph
) -> AsyncIterator[httpx.AsyncClient]:
    # many exports from one client; limits: test_ratelimit.py
    async with app_client(hub_settings(neo4j_server, hub_rate_limit_per_minute=0)) as client:
        yield client


async def download(client: httpx.AsyncClient, path: str, tmp_path: Path) -> Path:
    response = await client.get(path)
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    target = tmp_path / path.split("?")[0].rsplit("/", 1)[-1]
    target.write_bytes(response.content)
    return target


async def test_neighbourhood_graphml_opens_in_networkx_and_igraph(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    path = await download(client, f"/export/neighbourhood.graphml?id={ROLL_OUT}", tmp_path)

    graph = nx.read_graphml(path)
    session = graph.nodes["rtcm-roll-out-session"]
    assert session["entity"] == "Event"
    assert session["name_ru"] == "Каскадная учебная сессия RTCM"
    assert session["date"] == "2022-09-29"
    trainers = [
        data
        for source, target, data in graph.edges(data=True)
        if (source, target) == ("state-migration-service-az", "rtcm-roll-out-session")
        and data.get("role") == "trainer"
    ]
    assert [(t["relationship"], t["count"]) for t in trainers] == [("TOOK_PART", 6.0)]

    loaded = igraph.Graph.Read_GraphML(str(path))
    assert (loaded.vcount(), loaded.ecount()) == (
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )
    assert "name_ru" in loaded.vs.attributes()


async def test_neighbourhood_gexf_opens_in_networkx(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    path = await download(
        client, "/export/neighbourhood.gexf?id=vusal-huseynov&depth=2&types=Expert,Event", tmp_path
    )

    graph = nx.read_gexf(path)
    assert set(graph.nodes) >= {"vusal-huseynov", "vladimir-gjorgjiev", "rtcm-roll-out-session"}
    assert {data["entity"] for _, data in graph.nodes(data=True)} == {"Expert", "Event"}
    assert graph.nodes["rtcm-roadmap-workshop"]["name_az"].startswith("RTM yaradılması")


async def test_csv_edge_and_node_tables_load_into_igraph(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    query = f"id={ROLL_OUT}&depth=1"
    edges = (await client.get(f"/export/neighbourhood.csv?{query}")).text
    nodes = (await client.get(f"/export/neighbourhood.csv?{query}&table=nodes")).text

    edge_rows = list(csv.DictReader(io.StringIO(edges)))
    node_rows = list(csv.DictReader(io.StringIO(nodes)))
    graph = igraph.Graph.TupleList(
        ((row["source"], row["target"], row["relationship"]) for row in edge_rows),
        directed=True,
        edge_attrs=["relationship"],
    )
    assert graph.ecount() == len(edge_rows) > 0
    names = {row["id"]: row for row in node_rows}
    assert set(graph.vs["name"]) <= set(names)
    assert names["rtcm-roll-out-session"]["name_en"] == "RTCM roll-out session"


async def test_projection_graphml_carries_weights_centrality_and_communities(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    path = await download(client, "/export/projection.graphml?kind=agencies_by_events", tmp_path)

    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() > 0
    for _, data in graph.nodes(data=True):
        assert {"betweenness", "degree", "community", "label"} <= set(data)
    assert all(data["weight"] >= 1 for _, _, data in graph.edges(data=True))
    assert igraph.Graph.Read_GraphML(str(path)).vcount() == graph.number_of_nodes()


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/export/neighbourhood.pdf?id=vusal-huseynov", 400, "BAD_USER_INPUT"),
        ("/export/neighbourhood.graphml", 400, "BAD_USER_INPUT"),
        ("/export/neighbourhood.graphml?id=vusal-huseynov&depth=4", 400, "BAD_USER_INPUT"),
        ("/export/neighbourhood.graphml?id=vusal-huseynov&depth=two", 400, "BAD_USER_INPUT"),
        ("/export/neighbourhood.graphml?id=vusal-huseynov&types=Alien", 400, "BAD_USER_INPUT"),
        ("/export/neighbourhood.csv?id=vusal-huseynov&table=both", 400, "BAD_USER_INPUT"),
        ("/export/neighbourhood.graphml?id=nobody-at-all", 404, "NOT_FOUND"),
        ("/export/projection.gexf?kind=friends", 400, "BAD_USER_INPUT"),
        ("/export/projection.gexf?kind=experts_by_events&topic=nothing", 404, "NOT_FOUND"),
    ],
)
async def test_bad_export_requests_get_coded_errors(
    client: httpx.AsyncClient, path: str, status: int, code: str
) -> None:
    response = await client.get(path)

    assert response.status_code == status
    assert response.json()["errors"][0]["extensions"]["code"] == code
