"""The manifest schema, as an attacker writes manifests: each bad value is one problem that
names the file, the field and the fix, and nothing bad reaches the model."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.bundle import model, validate
from kiosk.bundle.problems import Report
from kiosk.bundle.scaffold import BUNDLE_TOML, ENTITY_TOML
from kiosk.bundle.schema import (
    LINE_TEXT,
    LIST_CAPS,
    LONG_TEXT,
    MAX_PROBLEMS,
    SHORT_TEXT,
    entity_toml,
    parse_bundle,
    parse_entity,
)

from .conftest import edit

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
    [
        ARABIC_INDIC,
        EXTENDED_ARABIC_INDIC,
        FULL_WIDTH,
        "1.٢.0",
        "1" * 5000,
        "1." + "9" * 10,
        "1.2.3.4.5",
        "+1.2",
        "1_0.2",
        "",
        ".1",
        "1..2",
        "1.2.",
    ],
)
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


# --- item 12: sizes -------------------------------------------------------------------------


def text_slide(i: int, body: str = "Body") -> dict[str, Any]:
    return {
        "id": f"s{i}",
        "kind": "text",
        "title": {"ar": "عنوان", "en": "Title"},
        "body": {"ar": "نص", "en": body},
    }


class Counting:
    """Wraps a model class (or a function that builds one), counting the objects built."""

    def __init__(self, cls: Callable[..., Any]) -> None:
        self.cls = cls
        self.n = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.n += 1
        return self.cls(*args, **kwargs)


@pytest.fixture
def slides_built(monkeypatch: pytest.MonkeyPatch) -> Counting:
    counter = Counting(model.Slide)
    monkeypatch.setattr(model, "Slide", counter)
    return counter


def test_100000_slides_are_refused_after_building_at_most_the_cap(slides_built: Counting) -> None:
    report = Report("t")
    doc = entity(slides=[text_slide(i) for i in range(100_000)])
    assert parse_entity(doc, report, E, "example", LANGS) is None
    assert slides_built.n <= LIST_CAPS["slides"].most
    (problem,) = report.errors
    assert (problem.file, problem.field, problem.code) == (E, "slides", "too-many")
    assert "100,000 slides" in problem.message and "at most 500" in problem.message
    assert problem.fix


def test_a_100000_slide_manifest_file_is_refused(
    bundle_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked_at = Counting(entity_toml._parse_slide)
    monkeypatch.setattr(entity_toml, "_parse_slide", looked_at)
    text = ENTITY_TOML.split("[[slides]]")[0] + "slides = [" + "{}," * 100_000 + "]\n"
    (bundle_dir / E).write_text(text, "utf-8")  # 300 KB: under the file cap; the list cap decides
    report = validate(bundle_dir)
    assert (E, "slides", "too-many") in errors(report)
    assert looked_at.n == LIST_CAPS["slides"].most
    assert len(report.problems) <= MAX_PROBLEMS + 10  # the first ones, then "more than 200"


def test_slides_past_the_warning_size_are_a_warning(slides_built: Counting) -> None:
    report = Report("t")
    n = LIST_CAPS["slides"].warn + 1
    ent = parse_entity(
        entity(slides=[text_slide(i) for i in range(n)]), report, E, "example", LANGS
    )
    assert ent is not None and len(ent.slides) == n
    assert [(p.severity, p.field, p.code) for p in report.problems] == [
        ("warning", "slides", "many")
    ]


def _screen(**changes: Any) -> dict[str, Any]:
    doc = entity()
    screen: dict[str, Any] = doc["demos"][0]["screens"][0]
    screen.update(changes)
    return doc


def _image_screen(hotspots: list[Any]) -> dict[str, Any]:
    return _screen(kind="image", image="slides/picture.png", hotspots=hotspots, items=None)


HOTSPOT = {"rect": [0.1, 0.1, 0.2, 0.2], "target": "end", "hint": {"ar": "هنا", "en": "Here"}}
BUTTON = {"type": "button", "label": {"ar": "إرسال", "en": "Send"}, "target": "end"}


def _cases() -> list[tuple[str, Any]]:
    def demos(n: int) -> dict[str, Any]:
        doc = entity()
        doc["demos"] = [dict(doc["demos"][0], id=f"d{i}") for i in range(n)]
        return doc

    def screens(n: int) -> dict[str, Any]:
        doc = entity()
        first = doc["demos"][0]["screens"][0]
        doc["demos"][0]["screens"] = [dict(first, id=f"s{i}") for i in range(n)]
        return doc

    def hotspots(n: int) -> dict[str, Any]:
        doc = _image_screen([HOTSPOT] * n)
        del doc["demos"][0]["screens"][0]["items"]
        return doc

    def items(n: int) -> dict[str, Any]:
        header = {"type": "header", "text": {"ar": "أ", "en": "A"}}
        return _screen(items=[header] * (n - 1) + [BUTTON])

    def bullets(n: int) -> dict[str, Any]:
        doc = entity()
        doc["slides"][0]["bullets"] = [{"ar": "نقطة", "en": "Point"}] * n
        return doc

    def options(n: int) -> dict[str, Any]:
        choice = {
            "type": "choice",
            "label": {"ar": "اختر", "en": "Pick"},
            "options": [{"ar": "خيار", "en": "Option"}] * n,
        }
        return _screen(items=[choice, BUTTON])

    def rows(n: int) -> dict[str, Any]:
        row = {"label": {"ar": "الاسم", "en": "Name"}, "value": {"ar": "س", "en": "X"}}
        return _screen(items=[{"type": "list", "rows": [row] * n}, BUTTON])

    return [
        ("slides", lambda n: entity(slides=[text_slide(i) for i in range(n)])),
        ("demos", demos),
        ("demos[0].screens", screens),
        ("demos[0].screens[0].hotspots", hotspots),
        ("demos[0].screens[0].items", items),
        ("slides[0].bullets", bullets),
        ("demos[0].screens[0].items[0].options", options),
        ("demos[0].screens[0].items[0].rows", rows),
    ]


CASES = _cases()


@pytest.mark.parametrize(("field", "make"), CASES, ids=[c[0] for c in CASES])
def test_every_entity_list_has_a_cap(field: str, make: Any) -> None:
    cap = LIST_CAPS[field.rsplit(".", 1)[-1].split("[")[0]]
    report = Report("t")
    assert parse_entity(make(cap.most + 1), report, E, "example", LANGS) is None
    too_many = [p for p in report.errors if p.code == "too-many"]
    assert [(p.file, p.field) for p in too_many] == [(E, field)]
    assert f"{cap.most + 1:,}" in too_many[0].message


@pytest.mark.parametrize(("field", "make"), CASES, ids=[c[0] for c in CASES])
def test_every_entity_list_warns_well_below_its_cap(field: str, make: Any) -> None:
    cap = LIST_CAPS[field.rsplit(".", 1)[-1].split("[")[0]]
    report = Report("t")
    parse_entity(make(cap.warn + 1), report, E, "example", LANGS)
    assert (E, field, "many") in [(p.file, p.field, p.code) for p in report.warnings]
    assert not [p for p in report.errors if p.code == "too-many"]
    report = Report("t")
    parse_entity(make(cap.warn), report, E, "example", LANGS)
    assert not [p for p in report.problems if p.code in ("many", "too-many")]


@pytest.mark.parametrize(
    ("key", "make"),
    [
        ("entities", lambda n: bundle(entities=[f"e{i}" for i in range(n)])),
        (
            "languages",
            lambda n: bundle(
                languages=[f"a{chr(97 + i // 26)}{chr(97 + i % 26)}"[-3:] for i in range(n)]
            ),
        ),
        ("fonts.files", lambda n: bundle(fonts=dict(BUNDLE["fonts"], files=["f.ttf"] * n))),
    ],
)
def test_every_bundle_list_has_a_cap(key: str, make: Any) -> None:
    cap = LIST_CAPS[key.split(".")[-1]]
    report = Report("t")
    assert parse_bundle(make(cap.most + 1), report) is None
    assert (B, key, "too-many") in errors(report)


@pytest.mark.parametrize(
    ("key", "cap"),
    [("name", SHORT_TEXT), ("description", LONG_TEXT)],
)
def test_entity_texts_have_a_length_cap_and_a_warning(key: str, cap: Any) -> None:
    report = Report("t")
    assert (
        parse_entity(
            entity(**{key: {"ar": "ا", "en": "x" * (cap.most + 1)}}), report, E, "example", LANGS
        )
        is None
    )
    assert errors(report) == [(E, f"{key}.en", "text-too-long")]
    report = Report("t")
    ent = parse_entity(
        entity(**{key: {"ar": "ا" * (cap.warn + 1), "en": "x"}}), report, E, "example", LANGS
    )
    assert ent is not None
    assert [(p.severity, p.field, p.code) for p in report.problems] == [
        ("warning", f"{key}.ar", "text-long")
    ]


def test_a_10_mb_caption_is_refused_with_a_short_message() -> None:
    report = Report("t")
    doc = entity()
    doc["slides"][1]["caption"] = {"ar": "ت" * 10_000_000, "en": "A caption"}
    assert parse_entity(doc, report, E, "example", LANGS) is None
    (problem,) = report.errors
    assert (problem.field, problem.code) == ("slides[1].caption.ar", "text-too-long")
    assert "10,000,000 characters" in problem.message and len(problem.message) < 200


@pytest.mark.parametrize(
    ("where", "cap"),
    [("body", LONG_TEXT), ("title", SHORT_TEXT), ("bullets", LINE_TEXT)],
)
def test_slide_texts_have_their_own_caps(where: str, cap: Any) -> None:
    report = Report("t")
    doc = entity()
    long = {"ar": "ا", "en": "x" * (cap.most + 1)}
    if where == "bullets":
        doc["slides"][0]["bullets"] = [long]
        field = "slides[0].bullets[0].en"
    else:
        doc["slides"][0][where] = long
        field = f"slides[0].{where}.en"
    assert parse_entity(doc, report, E, "example", LANGS) is None
    assert errors(report) == [(E, field, "text-too-long")]


def test_problems_stop_at_the_cap_per_file() -> None:
    report = Report("t")
    parse_entity(entity(**{f"k{i}": 1 for i in range(100_000)}), report, E, "example", LANGS)
    assert len(report.problems) == MAX_PROBLEMS + 1
    assert report.problems[-1].code == "too-many-problems"


def test_a_path_is_at_most_255_characters() -> None:
    report = Report("t")
    assert parse_entity(entity(logo="a/" * 200 + "logo.png"), report, E, "example", LANGS) is None
    assert errors(report) == [(E, "logo", "bad-path")]


def test_the_whole_bundle_has_a_slide_cap(bundle_dir: Path) -> None:
    base = (bundle_dir / E).read_text("utf-8").split("[[slides]]")[0]
    slides = "".join(
        f'[[slides]]\nid = "s{i}"\nkind = "text"\ntitle = {{ ar = "ع", en = "T" }}\n'
        f'body = {{ ar = "ن", en = "B" }}\n'
        for i in range(LIST_CAPS["slides"].most)
    )
    ids = [f"e{i}" for i in range(6)]
    for eid in ids:
        folder = bundle_dir / "entities" / eid
        folder.mkdir()
        (folder / "logo.png").write_bytes((bundle_dir / "entities/example/logo.png").read_bytes())
        (folder / "entity.toml").write_text(base.replace('"example"', f'"{eid}"') + slides, "utf-8")
    edit(bundle_dir / B, 'entities = ["example"]', f"entities = {ids!r}".replace("'", '"'))
    report = validate(bundle_dir)
    assert (B, "entities", "too-many") in errors(report)
    assert "2,000 slides" in next(p.message for p in report.errors if p.field == "entities")


# --- item 23: direction controls, invisible texts ----------------------------------------------

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"


def with_caption(value: str, lang: str = "en") -> dict[str, Any]:
    doc = entity()
    caption = {"ar": "تعليق", "en": "A caption"}
    caption[lang] = value
    doc["slides"][1]["caption"] = caption
    return doc


@pytest.mark.parametrize("control", [LRE, RLE, PDF, LRO, RLO])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_embeddings_and_overrides_are_refused_naming_the_field(control: str, lang: str) -> None:
    report = Report("t")
    doc = with_caption(f"Ticket {control}0001{PDF} at the desk", lang)
    assert parse_entity(doc, report, E, "example", LANGS) is None
    (problem,) = report.errors
    assert (problem.file, problem.field, problem.code) == (
        E,
        f"slides[1].caption.{lang}",
        "bidi-control",
    )
    assert f"U+{ord(control):04X}" in problem.message and "delete it" in problem.fix


VISITOR_TEXTS: list[tuple[str, Any]] = [
    ("name.en", lambda d, v: d["name"].update(en=v)),
    ("description.ar", lambda d, v: d["description"].update(ar=v)),
    ("slides[0].title.en", lambda d, v: d["slides"][0]["title"].update(en=v)),
    ("slides[0].body.en", lambda d, v: d["slides"][0]["body"].update(en=v)),
    ("slides[0].bullets[1].ar", lambda d, v: d["slides"][0]["bullets"][1].update(ar=v)),
    ("demos[0].title.en", lambda d, v: d["demos"][0]["title"].update(en=v)),
    ("demos[0].summary.en", lambda d, v: d["demos"][0]["summary"].update(en=v)),
    (
        "demos[0].screens[0].title.ar",
        lambda d, v: d["demos"][0]["screens"][0]["title"].update(ar=v),
    ),
    (
        "demos[0].screens[0].items[0].text.en",
        lambda d, v: d["demos"][0]["screens"][0]["items"][0]["text"].update(en=v),
    ),
    (
        "demos[0].screens[0].items[1].label.en",
        lambda d, v: d["demos"][0]["screens"][0]["items"][1]["label"].update(en=v),
    ),
    (
        "demos[0].screens[0].items[2].label.ar",
        lambda d, v: d["demos"][0]["screens"][0]["items"][2]["label"].update(ar=v),
    ),
]


@pytest.mark.parametrize(("field", "put"), VISITOR_TEXTS, ids=[f for f, _ in VISITOR_TEXTS])
def test_every_visitor_text_refuses_an_override(field: str, put: Any) -> None:
    report = Report("t")
    doc = entity()
    put(doc, f"{RLO}0001")
    assert parse_entity(doc, report, E, "example", LANGS) is None
    assert errors(report)[0] == (E, field, "bidi-control")  # (a refused button: "no button")


def test_the_bundle_title_refuses_an_override() -> None:
    report = Report("t")
    assert parse_bundle(bundle(title={"ar": "جناح", "en": f"Pavilion {LRO}2026"}), report) is None
    assert errors(report) == [(B, "title.en", "bidi-control")]


@pytest.mark.parametrize(
    "value",
    [
        f"Call {LRI}+974 4000 0000{PDI} now",
        f"{RLI}قطر{PDI} and {FSI}Doha{PDI}",
        f"{LRI}a {RLI}b{PDI} c{PDI}",
        f"line one {LRI}x{PDI}\nline two",
    ],
)
def test_balanced_isolates_are_allowed(value: str) -> None:
    report = Report("t")
    ent = parse_entity(with_caption(value), report, E, "example", LANGS)
    assert report.problems == [] and ent is not None
    assert ent.slides[1].caption is not None and ent.slides[1].caption.get("en") == value


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (f"{LRI}0001", "not closed"),
        (f"0001{PDI}", "closes no isolate"),
        (f"{PDI}{LRI}0001", "closes no isolate"),
        (f"{RLI}{LRI}x{PDI}", "not closed"),
        (f"{FSI}open\nclosed next line{PDI}", "not closed"),
    ],
)
def test_unbalanced_isolates_are_refused(value: str, words: str) -> None:
    report = Report("t")
    assert parse_entity(with_caption(value), report, E, "example", LANGS) is None
    (problem,) = report.errors
    assert (problem.field, problem.code) == ("slides[1].caption.en", "bidi-control")
    assert words in problem.message


INVISIBLE = [
    " \t\n",
    "\u200b",
    "\u200c\u200d",
    "\u200e\u200f",
    "\u061c",
    "\ufeff",
    "\u00a0\u3000",
    "\u2060\u2063",
    f"{LRI}{PDI}",
    "\u034f",
    "\u0301\u0300",
    "\u3164",
    "\u2800",
    "\u115f\u1160",
    "\ue000",
    "\u2028\u2029",
    " \u200b \u200e ",
]


@pytest.mark.parametrize("value", INVISIBLE, ids=[ascii(v) for v in INVISIBLE])
def test_a_text_with_nothing_visible_is_empty(value: str) -> None:
    report = Report("t")
    doc = entity()
    doc["name"]["ar"] = value  # required: an invisible name is a missing name
    assert parse_entity(doc, report, E, "example", LANGS) is None
    assert errors(report) == [(E, "name.ar", "empty-text")]
    assert "write the text" in report.errors[0].fix


@pytest.mark.parametrize(
    "value", ["٠١٢", "A", "\u0627\u064b", "e\u0301", "😀", "—", "٪", "\u200b\u0648"]
)
def test_visible_texts_still_pass(value: str) -> None:
    report = Report("t")
    doc = entity()
    doc["name"]["ar"] = value
    assert parse_entity(doc, report, E, "example", LANGS) is not None
    assert report.problems == []


@pytest.mark.parametrize("ctl", ["\x00", "\x07", "\x1b", "\x7f", "\x9b", "\x0b"])
def test_control_characters_in_a_text_are_refused(ctl: str) -> None:
    report = Report("t")
    assert parse_entity(with_caption(f"A{ctl}caption"), report, E, "example", LANGS) is None
    assert errors(report) == [(E, "slides[1].caption.en", "control-char")]


def test_tabs_and_line_breaks_stay_allowed() -> None:
    report = Report("t")
    doc = entity()
    doc["slides"][0]["body"]["en"] = "First line\nSecond\tline\r\nThird"
    assert parse_entity(doc, report, E, "example", LANGS) is not None and report.problems == []


# --- a slide's notes: the narration script (kiosk bundle import-deck) ------------------------


def test_notes_may_hold_one_language_or_an_empty_one() -> None:
    report = Report("t")
    doc = entity()
    doc["slides"][1]["notes"] = {"ar": "", "en": "Say: one cloud for every ministry."}
    doc["slides"][0]["notes"] = {"ar": "قل: سحابة واحدة"}
    assert parse_entity(doc, report, E, "example", LANGS) is not None
    assert report.problems == []


@pytest.mark.parametrize(
    ("notes", "field", "code"),
    [
        ("Say this", "slides[0].notes", "type"),
        ({"fr": "Dites"}, "slides[0].notes.fr", "unknown-language"),
        ({"en": 3}, "slides[0].notes.en", "type"),
        ({"en": "x" * 4001}, "slides[0].notes.en", "text-too-long"),
    ],
)
def test_bad_notes_are_named(notes: object, field: str, code: str) -> None:
    report = Report("t")
    doc = entity()
    doc["slides"][0]["notes"] = notes
    assert parse_entity(doc, report, E, "example", LANGS) is None
    assert errors(report) == [(E, field, code)]
