"""Checking seed files before loading: every problem found, each named by file, record, field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.model import RelType
from seed.problems import SeedDataError
from seed.validate import read_seed

FIXTURES = Path(__file__).parent / "fixtures" / "minimal"


def data_with(tmp_path: Path, **files: str) -> Path:
    """The minimal fixture with some files replaced (or added) by the given YAML text."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES, data)
    for name, text in files.items():
        (data / f"{name}.yaml").write_text(text, encoding="utf-8")
    return data


def problems(data: Path) -> list[str]:
    with pytest.raises(SeedDataError) as raised:
        read_seed(data)
    return [str(problem) for problem in raised.value.problems]


def test_the_minimal_fixture_and_the_real_seed_data_are_valid() -> None:
    fixture = read_seed(FIXTURES)
    real = read_seed()

    assert len(fixture.nodes) == 6
    assert len(real.nodes) > 50
    assert all(link.end_label is not None for link in real.links)


def test_every_problem_of_every_file_is_reported_at_once(tmp_path: Path) -> None:
    data = data_with(
        tmp_path,
        topics="""
label: Topic
records:
  - id: Bad_Slug
    source: res-test-page
    name: {en: A}
  - id: no-name
    source: res-test-page
  - id: wrong-language
    source: res-test-page
    name: {en: Fine, xx: Unknown}
""",
        places="""
label: Place
records:
  - id: nowhere
    source: not-a-resource
    name: {en: Nowhere}
    links:
      - {type: IN, to: test-donor}
      - {type: FLIES_TO, to: azerbaijan-test}
""",
    )

    found = problems(data)

    assert len(found) == 6, found
    assert any(
        "topics.yaml, record 'Bad_Slug' (#1), field 'id'" in p and "not a slug" in p for p in found
    )
    assert any("record 'no-name' (#2), field 'name': missing" in p for p in found)
    assert any("'wrong-language' (#3), field 'name'" in p and "'xx'" in p for p in found)
    assert any(
        "'nowhere' (#1), field 'source'" in p and "not the id of a Resource" in p for p in found
    )
    assert any(
        "field 'links[0].type'" in p and "IN cannot join Place -> Agency" in p for p in found
    )
    assert any("field 'links[1].type'" in p and "'FLIES_TO' is not one of" in p for p in found)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("start", '"2019-13"', "not a real date"),
        ("start", '"29.09.2022"', "not an ISO date"),
        ("end", '"--02-30"', "not a real date"),
        ("budgetText", '"1,234 EUR"', "cannot read"),
        ("title", '"{mlang en}Unclosed"', "bad {mlang} markup"),
        ("title", '"plain words"', "plain text in a multilingual field"),
        ("nameKeys", "[x]", "the loader derives this property"),
        ("startYear", "2019", "the loader derives this property"),
        ("participantCount", "-3", "whole number >= 0"),
        ("notes", "[a, 1]", "values of one type"),
        ("extra_field", "x", "camelCase"),
        ("nested", "{a: 1}", "got a map"),
    ],
)
def test_a_bad_field_value_is_named_with_the_reason(
    tmp_path: Path, field: str, value: str, message: str
) -> None:
    lines = (FIXTURES / "events.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    events = "".join(line for line in lines if not line.startswith(f"    {field}:"))
    events = events.replace("    kind: workshop\n", f"    kind: workshop\n    {field}: {value}\n")
    found = problems(data_with(tmp_path, events=events))

    assert len(found) == 1, found
    assert f"events.yaml, record 'test-workshop' (#1), field '{field}'" in found[0]
    assert message in found[0]


def test_a_repeated_link_is_a_problem_but_a_second_role_is_a_second_link(tmp_path: Path) -> None:
    experts = (FIXTURES / "experts.yaml").read_text(encoding="utf-8")
    repeated = experts + "      - {type: TOOK_PART, to: test-workshop, role: speaker}\n"

    found = problems(data_with(tmp_path, experts=repeated))
    fixture = read_seed(FIXTURES)

    assert len(found) == 1
    assert "field 'links[3]'" in found[0]
    assert "repeats links[1]" in found[0]
    took_part = [link for link in fixture.links if link.rel_type == RelType.TOOK_PART]
    assert sorted(link.key for link in took_part) == ["role=organiser", "role=speaker"]


def test_invalid_yaml_a_key_written_twice_and_an_empty_directory_are_reported(
    tmp_path: Path,
) -> None:
    broken = problems(data_with(tmp_path, topics="label: Topic\nrecords: [\n"))
    twice = problems(data_with(tmp_path / "twice", topics="label: Topic\nlabel: Place\n"))
    empty = tmp_path / "empty"
    empty.mkdir()

    assert any(p.startswith("topics.yaml: not valid YAML at line") for p in broken)
    assert twice == ["topics.yaml: not valid YAML at line 2, column 1: duplicate key 'label'"]
    assert problems(empty) == [f"{empty}: no *.yaml seed files here"]
