"""Settings come from the environment and a bad value stops the start with one clear line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from api.settings import SettingsError, load_settings

PROJECT = Path(__file__).resolve().parents[2]


def test_defaults_serve_on_loopback_port_8000(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("NEO4J_URI", "HUB_HOST", "HUB_PORT"):
        monkeypatch.delenv(variable, raising=False)
    settings = load_settings()
    assert (settings.hub_host, settings.hub_port, settings.neo4j_uri) == ("127.0.0.1", 8000, None)


def test_environment_variables_override_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://cluster.example.org:7687")
    monkeypatch.setenv("HUB_PORT", "9001")
    monkeypatch.setenv("NEO4J_DATABASE", "hub")
    settings = load_settings()
    assert settings.neo4j_uri == "neo4j+s://cluster.example.org:7687"
    assert settings.hub_port == 9001
    assert settings.neo4j_database == "hub"


@pytest.mark.parametrize(
    ("variable", "value", "named"),
    [
        ("HUB_PORT", "70000", "HUB_PORT"),
        ("HUB_PORT", "eighty", "HUB_PORT"),
        ("NEO4J_URI", "http://localhost:7474", "NEO4J_URI"),
        ("NEO4J_LOCAL_HEAP", "lots", "NEO4J_LOCAL_HEAP"),
        ("HUB_WORKERS", "0", "HUB_WORKERS"),
        ("NEO4J_MAX_CONCURRENT_WRITES", "0", "NEO4J_MAX_CONCURRENT_WRITES"),
        ("HUB_LOG_LEVEL", "chatty", "HUB_LOG_LEVEL"),
        ("HUB_TRUSTED_PROXIES", "10.0.0.0/8,proxy.example", "HUB_TRUSTED_PROXIES"),
        ("HUB_RATE_LIMIT_STATE", "/nonexistent/buckets", "HUB_RATE_LIMIT_STATE"),
        ("HUB_JWT_MAX_AGE", "10", "HUB_JWT_MAX_AGE"),
        ("HUB_MAX_VARIABLES_BYTES", "-1", "HUB_MAX_VARIABLES_BYTES"),
        ("HUB_CORS_ORIGINS", "app.example.org", "HUB_CORS_ORIGINS"),
        ("HUB_CORS_ORIGINS", "https://a.example.org/path", "HUB_CORS_ORIGINS"),
        ("HUB_CORS_ORIGINS", "*,https://a.example.org", "HUB_CORS_ORIGINS"),
        ("HUB_TRUSTED_DOCUMENTS", "/no/such/documents.json", "HUB_TRUSTED_DOCUMENTS"),
        ("HUB_CACHE_MAX_AGE", "-1", "HUB_CACHE_MAX_AGE"),
        ("HUB_LOG_FORMAT", "xml", "HUB_LOG_FORMAT"),
        ("OTEL_EXPORTER_OTLP_ENDPOINT", "grpc://collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT"),
    ],
)
def test_bad_values_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, named: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=f"^invalid configuration: {named}=") as caught:
        load_settings()
    assert "\n" not in str(caught.value)


def test_cli_refuses_to_start_with_a_one_line_explanation() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "api.cli", "serve"],
        cwd=PROJECT,
        env={"PATH": "/usr/bin:/bin", "HUB_PORT": "70000"},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert completed.returncode == 2
    assert completed.stderr.strip().splitlines() == [
        "invalid configuration: HUB_PORT=70000: Input should be less than or equal to 65535"
    ]


def test_cors_origins_are_a_clean_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUB_CORS_ORIGINS", " https://a.example.org/ , http://127.0.0.1:5173")
    assert load_settings().cors_origins == ["https://a.example.org", "http://127.0.0.1:5173"]
    monkeypatch.setenv("HUB_CORS_ORIGINS", "")
    assert load_settings().cors_origins == []


def test_a_trusted_documents_file_that_is_not_a_map_of_documents_stops_the_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "documents.json"
    path.write_text('["query { apiVersion }"]', encoding="utf-8")
    monkeypatch.setenv("HUB_TRUSTED_DOCUMENTS", str(path))
    with pytest.raises(SettingsError, match=r"^invalid configuration: HUB_TRUSTED_DOCUMENTS="):
        load_settings()
