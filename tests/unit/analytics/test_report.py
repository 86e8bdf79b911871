"""The staff HTML report: self-contained, in both languages, mirrored in Arabic, and the CLI."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.analytics import report
from kiosk.analytics.report import heatmap, render_report, text_width, wrap
from kiosk.analytics.schema import connect
from kiosk.analytics.simulate import simulate
from kiosk.analytics.stats import Filter, heat_points, summarize
from kiosk.bundle import Bundle, load
from kiosk.cli import main
from kiosk.cli.report import when
from kiosk.paths import SAMPLE_BUNDLE

ARABIC = re.compile(r"[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]")


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load(SAMPLE_BUNDLE)


@pytest.fixture(scope="module")
def sim_db(tmp_path_factory: pytest.TempPathFactory, bundle: Bundle) -> Path:
    db = tmp_path_factory.mktemp("report") / "sim.db"
    simulate(bundle, db, sessions=60)
    return db


@pytest.fixture(scope="module")
def conn(sim_db: Path) -> Iterator[sqlite3.Connection]:
    c = connect(str(sim_db))
    yield c
    c.close()


@pytest.fixture(scope="module")
def pages(conn: sqlite3.Connection, bundle: Bundle) -> dict[str, str]:
    return {lang: render_report(conn, bundle, lang) for lang in ("ar", "en")}


def references(page: str) -> list[str]:
    """Every src=, href= and url( target in the page."""
    attrs = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", page, flags=re.I)
    urls = re.findall(r"""url\(\s*["']?([^"')\s]*)""", page, flags=re.I)
    return attrs + urls


def test_both_languages_render_with_their_direction(pages: dict[str, str]) -> None:
    assert pages["ar"].startswith("<!DOCTYPE html>")
    assert '<html lang="ar" dir="rtl">' in pages["ar"]
    assert '<html lang="en" dir="ltr">' in pages["en"]
    for page in pages.values():
        assert page.rstrip().endswith("</html>")
        assert '<meta charset="utf-8">' in page


def test_every_chart_is_there(pages: dict[str, str], conn: sqlite3.Connection) -> None:
    s = summarize(conn)
    heat = heat_points(conn)
    assert s.sessions == 60 and s.funnels and s.feedback and heat
    for page in pages.values():
        # sessions per hour, attention per entity, one funnel per demo, languages, ratings
        assert page.count('<svg class="chart"') == 4 + len(s.funnels)
        # one heat map, with its embedded screenshot, per demo screen that has taps
        assert page.count('<svg class="heat"') == len(heat)
        assert page.count('<image href="data:image/png;base64,') == len(heat)
        assert page.count("<svg") == page.count("</svg>")


def test_arabic_report_has_arabic_names_and_titles(pages: dict[str, str], bundle: Bundle) -> None:
    ar, en = pages["ar"], pages["en"]
    for entity in bundle.entities:
        assert entity.name.get("ar") in ar
        assert entity.name.get("en") in en
        for demo in entity.demos:
            assert demo.title.get("ar") in ar
            assert demo.title.get("en") in en
    assert "تقرير الزوّار" in ar
    assert "نظرة عامة" in ar and "خرائط اللمس" in ar
    # nothing shaped or reordered by hand: presentation forms come only from reshapers
    assert not re.search(r"[\uFB50-\uFDFF\uFE70-\uFEFF]", ar)


def test_english_report_has_no_arabic_text(pages: dict[str, str]) -> None:
    assert not ARABIC.search(pages["en"])


def test_arabic_charts_are_mirrored(pages: dict[str, str]) -> None:
    """The same bars, at x' = width - x - w: they grow from the right and time runs leftwards."""

    def bars(page: str) -> list[tuple[float, float]]:
        chart = re.search(r'<svg class="chart"[^>]*>.*?</svg>', page, flags=re.S)
        assert chart is not None
        return [
            (float(x), float(w))
            for x, w in re.findall(
                r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', chart.group(0)
            )
        ]

    ar, en = bars(pages["ar"]), bars(pages["en"])
    assert len(ar) == len(en) > 5
    for (xa, wa), (xe, we) in zip(ar, en, strict=True):
        assert wa == pytest.approx(we)
        assert xa == pytest.approx(1000 - xe - we, abs=0.15)
    assert 'direction="rtl"' in pages["ar"] and 'direction="rtl"' not in pages["en"]


def test_self_contained_no_scripts_no_network(pages: dict[str, str]) -> None:
    for page in pages.values():
        refs = references(page)
        assert refs, "the page embeds fonts and screenshots"
        bad = [r[:60] for r in refs if not r.startswith(("data:", "#"))]
        assert bad == []
        assert "http://" not in page and "https://" not in page
        assert not re.search(
            r"<script|<link|<iframe|<object|<embed|@import|javascript:", page, flags=re.I
        )
        assert not re.search(r"\son[a-z]+\s*=", page.split("<body>", 1)[1], flags=re.I)


def test_prints_well(pages: dict[str, str]) -> None:
    page = pages["ar"]
    assert "@media print" in page
    assert "break-before:page" in page
    assert "figure" in page and "break-inside:avoid" in page


def test_no_letter_spacing_or_italics_for_arabic(pages: dict[str, str]) -> None:
    css = pages["ar"].split("<style>", 1)[1].split("</style>", 1)[0]
    assert "letter-spacing" not in css
    assert "italic" not in css
    assert "hyphens:auto" not in css


def test_empty_database_says_no_visitors(tmp_path: Path, bundle: Bundle) -> None:
    c = connect(str(tmp_path / "empty.db"))
    try:
        ar = render_report(c, bundle, "ar")
        en = render_report(c, bundle, "en")
    finally:
        c.close()
    assert "لا زوّار بعد" in ar
    assert "No visitors yet" in en
    assert "<svg" not in en and "<svg" not in ar


def test_every_text_is_escaped(conn: sqlite3.Connection, bundle: Bundle) -> None:
    page = render_report(conn, bundle, "en", Filter(entity='<script>alert("x")</script>'))
    assert "<script" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "No visitors yet" in page


def test_filters_reach_the_report(conn: sqlite3.Connection, bundle: Bundle) -> None:
    page = render_report(conn, bundle, "en", Filter(entity="mict"))
    mict = bundle.entity("mict")
    assert f"sessions that visited {mict.name.get('en')}" in page
    assert page.count('<svg class="heat"') == len(heat_points(conn, Filter(entity="mict")))
    other = bundle.entity("moi").demos[0].title.get("en")
    assert other not in page


def test_big_heat_maps_draw_a_sample(
    conn: sqlite3.Connection, bundle: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(heatmap, "MAX_DOTS", 5)
    page = render_report(conn, bundle, "en")
    heat = re.search(r'<svg class="heat".*?</svg>', page, flags=re.S)
    assert heat is not None
    assert heat.group(0).count("<circle") == 5
    assert "an even sample of 5 of them" in re.sub(r"<[^>]+>", "", page)


def test_wrap_keeps_lines_within_width() -> None:
    text = "Ministry of Information and Communications Technology"
    lines = wrap(text, 300, 16)
    assert len(lines) == 2 and " ".join(lines) == text
    assert all(text_width(line, 16) <= 300 for line in lines)
    cut = wrap("word " * 40, 200, 16, max_lines=2)
    assert len(cut) == 2 and cut[-1].endswith("…")
    assert wrap("", 100, 16) == [""]


def test_dates_are_compared_as_utc() -> None:
    assert when("2015-11-25") == "2015-11-25"
    assert when("2015-11-25T09:00") == "2015-11-25T09:00:00.000Z"
    assert when("2015-11-25T09:00+03:00") == "2015-11-25T06:00:00.000Z"


# -- the CLI, in-process -----------------------------------------------------------------------


def test_cli_writes_the_report(
    tmp_path: Path, sim_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "report.html"
    status = main(
        ["report", "-o", str(out), "--db", str(sim_db), "--lang", "en", "--since", "2015-11-25"]
    )
    assert status == 0
    page = out.read_text("utf-8")
    assert '<html lang="en" dir="ltr">' in page and "Sessions per hour" in page
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]  # no temporary file left
    assert str(out) in capsys.readouterr().out
    assert main(["report", "-o", str(out), "--db", str(sim_db)]) == 0  # replaces it
    assert '<html lang="ar" dir="rtl">' in out.read_text("utf-8")


def test_cli_missing_database_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    missing = tmp_path / "nowhere.db"
    assert main(["report", "-o", str(out), "--db", str(missing)]) == 1
    err = capsys.readouterr().err
    assert str(missing) in err and "--db" in err
    assert not out.exists() and not missing.exists()


def test_cli_unknown_entity_and_bad_date(
    tmp_path: Path, sim_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    assert main(["report", "-o", str(out), "--db", str(sim_db), "--entity", "nope"]) == 2
    assert "mict" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["report", "-o", str(out), "--db", str(sim_db), "--since", "25/11/2015"])
    assert exc.value.code == 2
    assert not out.exists()


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize(
    "name", ["MAROON", "TEXT", "MUTED", "TEAL", "GREEN", "GREY", "RED", "HIT", "MISS"]
)
def test_palette_contrast(name: str) -> None:
    """Text colours need 4.5:1 on white and on the card background; bars and dots at least 3:1."""
    colour = getattr(report, name)
    assert _contrast(colour, "#FFFFFF") >= 4.5
    assert _contrast(colour, report.SURFACE) >= (
        4.5 if name in ("MAROON", "TEXT", "MUTED") else 3.0
    )


def test_events_from_another_bundle_still_render(tmp_path: Path, bundle: Bundle) -> None:
    """A log that names an entity, demo and screen this bundle lacks: ids instead of names."""
    c = connect(str(tmp_path / "old.db"))
    try:
        rows = [
            ("session_start", None, None, "{}"),
            ("demo_start", "ghost", "old-demo", '{"demo":"old-demo"}'),
            ("demo_tap", "ghost", "old-screen", '{"demo":"old-demo","x":0.5,"y":0.5,"hit":false}'),
            ("session_end", None, None, '{"reason":"crash","duration_s":12.0}'),
        ]
        for i, (type_, entity, target, payload) in enumerate(rows):
            c.execute(
                "INSERT INTO events VALUES (?, 'k', 'old', '0.1', 's1', ?, ?, 0, ?, ?, ?, 'ar', ?)",
                (f"id{i}", i, f"2015-11-25T06:00:0{i}.000Z", type_, entity, target, payload),
            )
        page = render_report(c, bundle, "en")
    finally:
        c.close()
    text = re.sub(r"<[^>]+>", "", page)
    assert "This screenshot is not in the bundle." in text
    assert "old-demo" in text and "ghost" in text
    assert "The kiosk program stopped and was restarted" in text
    assert page.count('<svg class="heat"') == 1
