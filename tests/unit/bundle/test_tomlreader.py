"""The reader bundle manifests and kiosk.toml share: what a staff member reads when a key is
misspelt ("did you mean"), and how a hostile value is repeated back in a message."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.bundle.limits import MAX_ID
from kiosk.bundle.problems import Report
from kiosk.bundle.schema.bundle_toml import BUNDLE_KEYS
from kiosk.bundle.tomlreader import Reader, closest, distance, shown

FILE = "bundle.toml"


def unknown_key(key: str, allowed: set[str] = BUNDLE_KEYS, path: str = "") -> tuple[str, ...]:
    """The one problem a table holding only ``key`` gets: (file, field, message, fix, code)."""
    report = Report("t")
    Reader(report, FILE, ("ar", "en")).unknown({key: 1}, allowed, path)
    (problem,) = report.problems
    return problem.file, problem.field, problem.message, problem.fix, problem.code


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("titel", "title"),  # two letters swapped
        ("tittle", "title"),  # one letter too many
        ("versin", "version"),  # one letter missing
        ("Version", "version"),  # a capital
        ("default-language", "default_language"),  # a hyphen for the underscore
        ("entites", "entities"),
        ("font", "fonts"),
        ("languages ", "languages"),  # a trailing space (quoted key)
    ],
)
def test_a_misspelt_key_is_named_with_the_key_meant(typed: str, meant: str) -> None:
    file, field, message, fix, code = unknown_key(typed)
    assert (file, field, code) == (FILE, typed, "unknown-key")
    assert message == f"unknown key '{typed}'"
    assert fix.startswith(f"did you mean '{meant}'? remove it or use one of: ")
    assert all(k in fix for k in BUNDLE_KEYS)


@pytest.mark.parametrize("typed", ["colour", "banana", "zzzzz", "screens", "tilte_text"])
def test_a_key_far_from_every_known_one_gets_no_guess(typed: str) -> None:
    *_, fix, _code = unknown_key(typed)
    assert "did you mean" not in fix
    assert fix == f"remove it or use one of: {', '.join(sorted(BUNDLE_KEYS))}"


def test_the_field_path_names_the_table_the_key_is_in() -> None:
    file, field, message, fix, _ = unknown_key("timout", {"timeout", "countdown"}, "idle")
    assert (file, field, message) == (FILE, "idle.timout", "unknown key 'timout'")
    assert fix == "did you mean 'timeout'? remove it or use one of: countdown, timeout"


@pytest.mark.parametrize("typed", ["t" * 100_000, "title" * 1000, "title" + "\x00" * 5000])
def test_a_huge_key_is_cut_short_and_gets_no_guess(typed: str) -> None:
    _, field, message, fix, _ = unknown_key(typed)
    assert "did you mean" not in fix
    assert len(message) < 300 and message.endswith("...'")
    assert field == shown(typed) and field.endswith("...")


def test_only_a_key_of_id_length_gets_a_guess() -> None:
    # a guess costs len(key) x len(allowed) steps: a megabyte of key gets none
    allowed = {"a" * (MAX_ID + 1)}
    assert unknown_key("a" * MAX_ID, allowed)[3].startswith("did you mean")
    assert "did you mean" not in unknown_key("a" * (MAX_ID + 2), allowed)[3]


@pytest.mark.parametrize(
    ("typed", "seen"),
    [
        ("tit\x1ble", "tit\\x1ble"),  # an escape character
        ("tit\u202ele", "tit\\u202ele"),  # a right-to-left override would reverse the line
        ("tit\u200ble", "tit\\u200ble"),  # a zero-width space looks like 'title'
        ("ti\ntle", "ti\\ntle"),
    ],
)
def test_invisible_characters_in_a_key_are_shown_escaped(typed: str, seen: str) -> None:
    _, field, message, fix, _ = unknown_key(typed)
    assert field == seen
    assert message == f"unknown key '{seen}'"
    assert fix.startswith("did you mean 'title'? ")  # one character too many


@pytest.mark.parametrize(
    ("value", "seen"),
    [
        ("1.2.0", "1.2.0"),
        (12, "12"),
        ("x" * 60, "x" * 60),
        ("x" * 61, "x" * 60 + "..."),
        ("٢" * 5000, "٢" * 60 + "..."),  # Arabic-Indic digits are printable: kept as written
        ("a\tb\x00c", "a\\tb\\x00c"),
        ("\u2067evil\u2069", "\\u2067evil\\u2069"),
    ],
)
def test_shown_escapes_control_characters_and_cuts_long_values(value: object, seen: str) -> None:
    assert shown(value) == seen


@given(st.text(max_size=2000))
def test_shown_is_short_and_printable_whatever_the_value(value: str) -> None:
    out = shown(value)
    assert out.isprintable()
    assert len(out) <= 60 * len("\\U0010ffff") + 3


@pytest.mark.parametrize(
    ("a", "b", "edits"),
    [
        ("", "", 0),
        ("title", "title", 0),
        ("", "idle", 4),
        ("titel", "title", 2),
        ("kitten", "sitting", 3),
        ("timeout", "timout", 1),
        ("trusted_keys", "Trusted-Keys", 3),
    ],
)
def test_distance_counts_the_edits(a: str, b: str, edits: int) -> None:
    assert distance(a, b) == edits == distance(b, a)


@given(st.text(max_size=12), st.text(max_size=12), st.text(max_size=12))
def test_distance_is_a_metric(a: str, b: str, c: str) -> None:
    assert distance(a, b) == distance(b, a)
    assert (distance(a, b) == 0) == (a == b)
    assert abs(len(a) - len(b)) <= distance(a, b) <= max(len(a), len(b))
    assert distance(a, c) <= distance(a, b) + distance(b, c)


@pytest.mark.parametrize(
    ("word", "choices", "most", "meant"),
    [
        ("timout", ["timeout", "countdown"], 2, "timeout"),
        ("countdwn", ["timeout", "countdown", "video_timeout"], 2, "countdown"),
        ("video_timout", ["timeout", "video_timeout"], 2, "video_timeout"),
        ("banana", ["timeout", "countdown"], 2, None),
        ("tmeout", ["timeout"], 0, None),
        ("timeout", ["timeout"], 0, "timeout"),
        ("anything", [], 2, None),
    ],
)
def test_closest_is_the_nearest_choice_within_reach(
    word: str, choices: list[str], most: int, meant: str | None
) -> None:
    assert closest(word, choices, most) == meant
