"""TOML files as staff save them, and as an attacker writes them: a BOM is fine, UTF-16,
other encodings, deep nesting, long dotted keys, huge numbers and huge files are problems
that name the file, the place and the fix; nothing raises."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from kiosk.bundle import BundleError, load, validate
from kiosk.bundle.problems import Report
from kiosk.bundle.scaffold import BUNDLE_TOML
from kiosk.bundle.schema import parse_bundle
from kiosk.bundle.tomlfile import (
    MAX_MANIFEST_BYTES,
    MAX_NESTING,
    from_bytes,
    parse_toml,
    read_capped,
)
from kiosk.store.drop import check

GOOD = BUNDLE_TOML.format(id="bom-test")
B = "bundle.toml"
E = "entities/example/entity.toml"


def parsed(raw: bytes, file: str = B) -> tuple[object, Report]:
    report = Report("t")
    return from_bytes(raw, file, report), report


# --- item 26: encodings ---------------------------------------------------------------------


def test_a_utf8_bom_is_accepted() -> None:
    data, report = parsed(codecs.BOM_UTF8 + GOOD.encode())
    assert report.problems == []
    assert isinstance(data, dict) and data["id"] == "bom-test"
    assert parse_bundle(data, report) is not None and report.problems == []


def test_a_bom_left_in_decoded_text_is_accepted() -> None:
    report = Report("t")
    data = parse_toml("\ufeff" + GOOD, B, report)
    assert report.problems == [] and data is not None and data["id"] == "bom-test"


@pytest.mark.parametrize(
    "raw",
    [
        GOOD.encode("utf-16"),  # with its BOM, in the machine's order
        codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"),
        GOOD.encode("utf-16-le"),  # no BOM: the NULs of ASCII in UTF-16
        GOOD.encode("utf-16-be"),
        codecs.BOM_UTF8 + GOOD.encode("utf-16-le"),
    ],
)
def test_utf16_is_named_with_the_fix(raw: bytes) -> None:
    data, report = parsed(raw)
    assert data is None
    (problem,) = report.problems
    assert (problem.file, problem.code) == (B, "encoding")
    assert problem.message == "bundle.toml is saved as UTF-16"
    assert "save it as UTF-8" in problem.fix


@pytest.mark.parametrize(
    ("raw", "line", "offset"),
    [
        ('id = "café"\n'.encode("latin-1"), 1, 9),
        ('format = 1\ntitle = "جناح"\n'.encode("cp1256"), 2, 20),
        (codecs.BOM_UTF8 + b'format = 1\nid = "\xff"\n', 2, 20),  # the offset counts the BOM
        (b"a = 1\n" * 3 + b'b = "\xe2\x82"\n', 4, 23),  # a cut-off sequence
        (b'x = "\xed\xa0\x80"\n', 1, 5),  # an encoded surrogate
    ],
)
def test_bytes_that_are_not_utf8_are_named_by_line_and_offset(
    raw: bytes, line: int, offset: int
) -> None:
    data, report = parsed(raw, E)
    assert data is None
    (problem,) = report.problems
    assert (problem.file, problem.code) == (E, "encoding")
    assert problem.field.startswith(f"line {line}, column ")
    assert f"at line {line} (byte offset {offset})" in problem.message
    assert "UTF-8" in problem.fix


def test_a_nul_byte_is_named_by_line() -> None:
    data, report = parsed(b'format = 1\nid = "a\x00b"\n')
    assert data is None
    (problem,) = report.problems
    assert (problem.field, problem.code) == ("line 2", "encoding")
    assert "NUL" in problem.message


def test_a_bundle_saved_by_notepad_validates_and_loads(bundle_dir: Path) -> None:
    for rel in (B, E):
        path = bundle_dir / rel
        path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    assert validate(bundle_dir).ok
    assert load(bundle_dir).id == "my-bundle"


def test_a_manifest_in_utf16_is_refused_by_validate(bundle_dir: Path) -> None:
    path = bundle_dir / E
    path.write_bytes(path.read_text("utf-8").encode("utf-16"))
    report = validate(bundle_dir)
    assert [(p.file, p.message) for p in report.errors] == [(E, f"{E} is saved as UTF-16")]


# --- item 13: nesting, dotted keys, numbers -------------------------------------------------


def nested(kind: str, depth: int) -> str:
    opening, closing = {
        "arrays": ("[", "]"),
        "tables": ("{a=", "}"),
        "mixed": ("[{a=", "}]"),
        "alternating": ("{a=[", "]}"),
        "lines": ("[\n", "\n]"),
    }[kind]
    inner = "1" if kind != "arrays" else ""
    return "format = 1\nx = " + opening * depth + inner + closing * depth + "\n"


KINDS = ["arrays", "tables", "mixed", "alternating", "lines"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 500, 100_000])
def test_deep_nesting_is_a_syntax_problem_with_the_line(kind: str, depth: int) -> None:
    data, report = parsed(nested(kind, depth).encode())
    assert data is None
    (problem,) = report.errors  # (and a warning for the file's size, at 100,000 levels)
    assert (problem.file, problem.code) == (B, "syntax")
    assert problem.message.startswith("nesting is too deep at line ")
    line = int(problem.message.rsplit(" ", 1)[1])
    assert problem.field == f"line {line}"
    assert line == (2 + MAX_NESTING if kind == "lines" else 2)
    assert "flatten" in problem.fix


@pytest.mark.parametrize("kind", ["arrays", "tables"])
def test_nesting_up_to_the_limit_still_parses(kind: str) -> None:
    data, report = parsed(nested(kind, MAX_NESTING).encode())
    assert report.problems == [] and isinstance(data, dict) and "x" in data


@pytest.mark.parametrize(
    "text",
    [
        'x = "' + "[" * 5000 + '"\n',
        "x = '" + "{" * 5000 + "'\n",
        'x = """\n' + "[{" * 5000 + '\n"""\n',
        "x = '''\n" + "[{" * 5000 + "\n'''\n",
        "# " + "[" * 5000 + "\nx = 1\n",
        'x = "\\"' + "[" * 5000 + '"\n',
        '"' + "." * 5000 + '" = 1\n',
    ],
)
def test_brackets_and_dots_in_strings_and_comments_do_not_count(text: str) -> None:
    data, report = parsed(text.encode())
    assert report.problems == [] and isinstance(data, dict)


@pytest.mark.parametrize(
    "text",
    [
        "a" + ".a" * 3000 + " = 1\n",
        "[" + "a." * 3000 + "a]\n",
        "x = { " + ".".join(["b"] * 3000) + " = 1 }\n",
        '"a"' + '."a"' * 3000 + " = 1\n",
        "a" + " . a" * 3000 + " = 1\n",
    ],
)
def test_a_very_long_dotted_key_is_refused_before_tomllib(text: str) -> None:
    data, report = parsed(text.encode())
    assert data is None
    (problem,) = report.problems
    assert (problem.field, problem.code) == ("line 1", "syntax")
    assert "dotted key at line 1" in problem.message


def test_floats_and_dates_are_not_dotted_keys() -> None:
    text = "rect = [" + ", ".join(["0.25"] * 400) + "]\nwhen = 1979-05-27T07:32:00.999\n"
    data, report = parsed(text.encode())
    assert report.problems == [] and isinstance(data, dict) and len(data["rect"]) == 400


def test_a_number_of_5000_digits_is_a_problem_not_an_exception() -> None:
    data, report = parsed(("x = " + "1" * 5000 + "\n").encode())
    assert data is None
    (problem,) = report.problems
    assert problem.code == "syntax" and "quotes" in problem.fix


def test_a_deeply_nested_manifest_is_a_bundle_error_for_run_and_validate(bundle_dir: Path) -> None:
    (bundle_dir / E).write_text(nested("mixed", 500).replace("format = 1\n", ""), "utf-8")
    report = validate(bundle_dir)
    assert [(p.file, p.code) for p in report.errors] == [(E, "syntax")]
    with pytest.raises(BundleError, match="nesting is too deep"):
        load(bundle_dir)  # what kiosk run --bundle does


def test_a_drop_folder_candidate_with_nested_toml_is_checked_without_raising(
    bundle_dir: Path,
) -> None:
    (bundle_dir / B).write_text(nested("tables", 100_000), "utf-8")
    checked = check(bundle_dir)
    assert not checked.report.ok and (checked.bundle_id, checked.version) == ("", "")


# --- item 12: the file's size ---------------------------------------------------------------


def test_a_file_over_the_cap_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / B
    path.write_bytes(b"# " + b"x" * (4 * MAX_MANIFEST_BYTES) + b"\n")
    raw = read_capped(path)
    assert len(raw) == MAX_MANIFEST_BYTES + 1  # no more is read
    data, report = parsed(raw)
    assert data is None
    (problem,) = report.problems
    assert (problem.file, problem.code) == (B, "too-large")
    assert "1024 KB" in problem.message and "few KB" in problem.fix


def test_a_file_near_the_cap_is_a_warning() -> None:
    raw = GOOD.encode() + b"# " + b"x" * (MAX_MANIFEST_BYTES // 2) + b"\n"
    data, report = parsed(raw)
    assert isinstance(data, dict)
    assert [(p.severity, p.code) for p in report.problems] == [("warning", "large-file")]
