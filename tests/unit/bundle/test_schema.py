"""The manifest schema, as an attacker writes manifests: each bad value is one problem that
names the file, the field and the fix, and nothing bad reaches the model."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

import pytest

from kiosk.bundle.problems import Report
from kiosk.bundle.scaffold import BUNDLE_TOML, ENTITY_TOML
from kiosk.bundle.schema import parse_bundle, parse_entity

BUNDLE = tomllib.loads(BUNDLE_TOML.format(id="test"))
ENTITY = tomllib.loads(ENTITY_TOML)
B = "bundle.toml"
E = "entities/example/entity.toml"
LANGS = ("ar", "en")


def bundle(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(BUNDLE)
    doc.update(changes)
    return doc


def entity(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(ENTITY)
    doc.update(changes)
    return doc


def errors(report: Report) -> list[tuple[str, str, str]]:
    return [(p.file, p.field, p.code) for p in report.errors]


def test_the_scaffold_parses_cleanly() -> None:
    report = Report("t")
    assert parse_bundle(bundle(), report) is not None
    assert parse_entity(entity(), report, E, "example", LANGS) is not None
    assert report.problems == []


# --- item 18: whole strings, ASCII digits, bounded lengths ----------------------------------

ARABIC_INDIC = "١٫٢٫٠".replace("٫", ".")  # ١.٢.٠
EXTENDED_ARABIC_INDIC = "۱.۲.۰"
FULL_WIDTH = "１.２.０"
TAILS = ["\n", "\r\n", "\x00", " ", "\t", "\u2028", "\x85"]


@pytest.mark.parametrize("tail", TAILS)
@pytest.mark.parametrize(("key", "good"), [("id", "my-bundle"), ("version", "1.2.0")])
def test_an_id_or_version_with_anything_after_it_is_refused(key: str, good: str, tail: str) -> None:
    report = Report("t")
    assert parse_bundle(bundle(**{key: good + tail}), report) is None
    (problem,) = report.errors
    assert (problem.file, problem.field) == (B, key)
    assert "\n" not in problem.message and "\x00" not in problem.message
    assert problem.fix


@pytest.mark.parametrize(
    "version",
    [ARABIC_INDIC, EXTENDED_ARABIC_INDIC, FULL_WIDTH, "1.٢.0", "1" * 5000, "1." + "9" * 10,
     "1.2.3.4.5", "+1.2", "1_0.2", "", ".1", "1..2", "1.2."],
)  # fmt: skip
def test_versions_are_ascii_numbers_of_bounded_length(version: str) -> None:
    report = Report("t")
    assert parse_bundle(bundle(version=version), report) is None
    (problem,) = report.errors
    assert (problem.field, problem.code) == ("version", "bad-version")
    assert len(problem.message) < 200  # a 5,000-digit version is not repeated back


@pytest.mark.parametrize("version", ["1", "1.0.0", "2026.12.31.7", "999999999.0"])
def test_ordinary_versions_still_pass(version: str) -> None:
    report = Report("t")
    head = parse_bundle(bundle(version=version), report)
    assert head is not None and head.version == version


@pytest.mark.parametrize("tail", TAILS)
def test_a_colour_with_a_trailing_character_is_refused(tail: str) -> None:
    report = Report("t")
    doc = bundle(theme={"primary": "#8A1538" + tail})
    head = parse_bundle(doc, report)
    assert errors(report) == [(B, "theme.primary", "bad-colour")]
    assert head is not None and head.theme.primary == "#8A1538"  # the default, not black


@pytest.mark.parametrize("colour", ["#８A1538", "#٨A1538", "#8A15381", "#8a153"])
def test_a_colour_is_six_ascii_hex_digits(colour: str) -> None:
    report = Report("t")
    parse_entity(entity(accent=colour), report, E, "example", LANGS)
    assert errors(report) == [(E, "accent", "bad-colour")]


@pytest.mark.parametrize("lang", ["en\n", "ar\r\n", "ar\x00", "ＡＲ", "árá"])
def test_a_language_code_with_a_trailing_character_is_refused(lang: str) -> None:
    report = Report("t")
    assert parse_bundle(bundle(languages=["ar", lang]), report) is None
    assert (B, "languages", "bad-languages") in errors(report)


@pytest.mark.parametrize("tail", TAILS)
def test_an_entity_id_with_a_trailing_character_is_refused(tail: str) -> None:
    report = Report("t")
    head = parse_bundle(bundle(entities=["example" + tail]), report)
    assert (B, "entities[0]", "bad-id") in errors(report)
    assert head is None or head.entity_ids == ()


@pytest.mark.parametrize("value", ["welcome\n", "welcome\r\n", "wel\x00come", "a" * 41, "١٢"])
def test_a_slide_id_must_be_a_whole_bounded_slug(value: str) -> None:
    report = Report("t")
    doc = entity()
    doc["slides"][0]["id"] = value
    assert parse_entity(doc, report, E, "example", LANGS) is None
    assert errors(report) == [(E, "slides[0].id", "bad-id")]


def test_a_huge_unknown_key_is_reported_short_and_quickly() -> None:
    report = Report("t")
    parse_entity(entity(**{"k" * 1_000_000: 1}), report, E, "example", LANGS)
    (problem,) = report.errors
    assert problem.code == "unknown-key"
    assert len(problem.field) < 100 and len(problem.message) < 200
