"""The Docker image builds the explorer in a Node stage and serves it: no CDN, no host build."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def test_the_image_builds_web_dist_in_a_node_stage_and_points_the_hub_at_it() -> None:
    dockerfile = (PROJECT / "Dockerfile").read_text()
    assert "FROM node:20-slim AS web" in dockerfile
    assert "npm ci" in dockerfile
    assert "npm run build" in dockerfile
    assert "COPY --from=web /build/web/dist ./web/dist" in dockerfile
    assert "HUB_WEB_DIST=/app/web/dist" in dockerfile


def test_host_build_outputs_stay_out_of_the_build_context() -> None:
    ignored = (PROJECT / ".dockerignore").read_text().split()
    assert {"web/node_modules", "web/dist"} <= set(ignored)
