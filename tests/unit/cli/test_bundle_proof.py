"""``kiosk bundle proof``: the sign-off PDF of a small bundle, read back with PDFium.

One proof is made for the module (a scaffolded bundle with an image demo screen added, in
landscape only): about ten seconds, most of it the kiosk starting in the renderer's process.

What PDFium's text extraction gives back for Arabic (pypdfium2 5.15): base letters in
logical order, except that

* Qt's PDF writer maps back to characters only the glyphs the font's cmap names
  (QFontSubset::getReverseMap), so the two glyphs of a lam-alef ligature (لا لأ لإ لآ)
  come back as two stray characters ("الاسم" reads "ا89سم");
* a haraka comes back apart from its letter, often with the letter beside it, and a word
  with one may be cut in two there, its halves on two "lines" ("تحقّق من توفّر الاسم" reads
  "توف ّق من تحق / ر ا5 سم ّ"); a shadda with a fatha is one unmapped glyph too;
* the words of a short Arabic line may come back in visual order ("إنهاء العرض" reads
  "العرض إنهاء"), and the lines of a wrapped paragraph in either order.

So an Arabic text counts as there when every piece of every word of it (the letters
between its lam-alefs and harakat, less those touching a haraka, when two or more) is on
its page, compared without spaces, harakat and bidi marks, after NFKC. In the sample
bundle's proof (Arabic, landscape) 167 of 308 Arabic texts came back whole, and all 308
by pieces. English texts come back whole, in
order: they are compared whole (spaces folded). Never put two languages on one line: the
line then comes back as one right-to-left paragraph, English words reversed.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from kiosk.bundle import load
from kiosk.bundle.proofplan import INDEX_ROWS, Plan, page_count, plan
from kiosk.cli import main

IMAGE_SCREEN = """[[demos.screens]]
id = "start"
kind = "image"
image = "slides/picture.png"
title = { ar = "المس الزر", en = "Tap the button" }

[[demos.screens.hotspots]]
rect = [0.25, 0.25, 0.5, 0.5]
target = "apply"
hint = { ar = "الزر في الوسط", en = "The button in the middle" }

"""


def scaffold(where: Path) -> Path:
    """`kiosk bundle init`'s bundle, its demo opening on an image screen with a hotspot."""
    root = where / "bundle"
    assert main(["bundle", "init", str(root)]) == 0
    entity = root / "entities/example/entity.toml"
    text = entity.read_text("utf-8")
    text = text.replace(
        '[[demos.screens]]\nid = "apply"', IMAGE_SCREEN + '[[demos.screens]]\nid = "apply"'
    )
    entity.write_text(text, "utf-8")
    return root


@pytest.fixture(scope="module")
def proof(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Plan, Path]:
    where = tmp_path_factory.mktemp("proof")
    root = scaffold(where)
    out = where / "proof.pdf"
    assert main(["bundle", "proof", str(root), "-o", str(out), "--shape", "landscape"]) == 0
    return out, plan(load(root), ["ar", "en"], ["landscape"]), root


def page_text(doc: pdfium.PdfDocument, number: int) -> str:
    return str(doc[number - 1].get_textpage().get_text_range())


def pixels(
    doc: pdfium.PdfDocument, number: int
) -> tuple[int, int, Callable[[int, int], tuple[int, int, int]]]:
    """The page drawn at 72 dpi: its size, and the (red, green, blue) at a point."""
    bitmap = doc[number - 1].render(scale=1, rev_byteorder=True)
    data, stride, n = bytes(bitmap.buffer), bitmap.stride, bitmap.n_channels

    def rgb(x: int, y: int) -> tuple[int, int, int]:
        i = y * stride + x * n
        return data[i], data[i + 1], data[i + 2]

    return bitmap.width, bitmap.height, rgb


def folded(text: str) -> str:
    """NFKC, without spaces, harakat or bidi marks (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        c for c in text if not c.isspace() and unicodedata.category(c) not in ("Mn", "Cf", "Cc")
    )


BREAKS = re.compile("(ل[اأإآ]|[\u064b-\u065f\u0670]+)")
"""Where PDFium may break an Arabic word: a lam-alef ligature, or harakat (marks drawn
above or below the line, which PDFium can take for a line of their own)."""


def pieces(word: str) -> list[str]:
    """The letters of ``word`` that PDFium gives back in order: those between its lam-alefs
    and harakat, less the letter on each side of a haraka (it may be moved with it)."""
    parts = BREAKS.split(unicodedata.normalize("NFC", word))
    out = []
    for i in range(0, len(parts), 2):
        piece = parts[i]
        if i > 0 and not parts[i - 1].startswith("ل"):
            piece = piece[1:]
        if i + 1 < len(parts) and not parts[i + 1].startswith("ل"):
            piece = piece[:-1]
        out.append(folded(piece))
    return out


def arabic_found(want: str, page: str) -> bool:
    """Every piece of every word of ``want`` is on ``page`` (see the module's docstring)."""
    have = folded(page)
    return all(p in have for word in want.split() for p in pieces(word) if len(p) > 1)


def english_found(want: str, page: str) -> bool:
    return " ".join(want.split()) in " ".join(page.split())


def test_the_proof_has_a_cover_an_index_and_a_page_per_view_language_and_shape(
    proof: tuple[Path, Plan, Path],
) -> None:
    out, the_plan, _ = proof
    views = len(the_plan.views)
    assert views == 5  # Home, two slides, two demo screens
    doc = pdfium.PdfDocument(out)
    assert len(doc) == page_count(views, 2) == 1 + 1 + views * 2
    cover = page_text(doc, 1)
    for said in ("my-bundle", "1.0.0", datetime.date.today().isoformat(), "Demo screens 2"):
        assert said in cover
    index = " ".join(page_text(doc, 2).split())
    # each view with the page that shows it in Arabic and in English
    assert "example · slide 1 · welcome 4 9" in index
    assert "example · first-demo · screen 1 · start 6 11" in index


def test_page_count_rule() -> None:
    assert page_count(5, 2) == 12
    assert page_count(INDEX_ROWS, 1) == 2 + INDEX_ROWS
    assert page_count(INDEX_ROWS + 1, 4) == 3 + (INDEX_ROWS + 1) * 4  # a second index page


def test_every_text_of_every_view_is_on_its_page_in_both_languages(
    proof: tuple[Path, Plan, Path],
) -> None:
    out, the_plan, _ = proof
    doc = pdfium.PdfDocument(out)
    missing = []
    for n, view in enumerate(the_plan.views):
        for v, variant in enumerate(the_plan.variants):
            number = the_plan.page_of(n, v)
            page = page_text(doc, number)
            assert view.key in page
            assert f"shown in {variant.lang} · landscape" in page
            for listed in view.texts:
                if not arabic_found(listed.text.get("ar"), page):
                    missing.append((number, listed.label, "ar"))
                if not english_found(listed.text.get("en"), page):
                    missing.append((number, listed.label, "en"))
    assert missing == []
    # and the comparison does see a text that is not there
    assert not arabic_found("نص لم يكتبه أحد", page_text(doc, the_plan.page_of(0, 0)))


def test_a_demo_screen_has_its_hotspot_outlined_and_numbered_with_its_hint(
    proof: tuple[Path, Plan, Path],
) -> None:
    out, the_plan, _ = proof
    n = next(i for i, v in enumerate(the_plan.views) if v.screen_id == "start")
    doc = pdfium.PdfDocument(out)
    number = the_plan.page_of(n, 1)  # in English
    text = " ".join(page_text(doc, number).split())
    assert "hotspot 1 → screen apply · hint" in text
    assert "The button in the middle" in text
    # the outline: magenta (kiosk.qt.proof.SPOT) in the picture, on the left half of the page
    w, h, rgb = pixels(doc, number)
    magenta = 0
    for y in range(h):
        for x in range(w // 2):
            r, g, b = rgb(x, y)
            magenta += r > 180 and g < 120 and b > 90
    assert magenta > 100


def test_the_arabic_and_english_pictures_differ(proof: tuple[Path, Plan, Path]) -> None:
    out, the_plan, _ = proof
    doc = pdfium.PdfDocument(out)
    home_ar, home_en = the_plan.page_of(0, 0), the_plan.page_of(0, 1)
    assert bytes(doc[home_ar - 1].render(scale=0.3).buffer) != bytes(
        doc[home_en - 1].render(scale=0.3).buffer
    )


def test_a_missing_bundle_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "proof.pdf"
    assert main(["bundle", "proof", str(tmp_path / "nowhere"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "nowhere: no such bundle folder or .zip; check the path" in err
    assert not out.exists()


def test_a_broken_bundle_gets_the_validators_report_and_no_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "b"
    assert main(["bundle", "init", str(root)]) == 0
    entity = root / "entities/example/entity.toml"
    entity.write_text(entity.read_text("utf-8").replace('ar = "جهة حكومية", ', ""), "utf-8")
    capsys.readouterr()
    out = tmp_path / "proof.pdf"
    assert main(["bundle", "proof", str(root), "-o", str(out)]) == 1
    said = capsys.readouterr().out
    assert "ERROR   entities/example/entity.toml: name.ar" in said
    assert 'fix: add ar = "..."' in said
    assert "No proof was written: fix the errors above" in said
    assert not out.exists()


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--shape", "round"], "--shape round: choose from landscape, portrait"),
        (["--lang", "fr"], "--lang fr: this bundle's languages are ar, en"),
    ],
)
def test_unknown_shapes_and_languages_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], said: str
) -> None:
    root = tmp_path / "b"
    assert main(["bundle", "init", str(root)]) == 0
    out = tmp_path / "proof.pdf"
    assert main(["bundle", "proof", str(root), "-o", str(out), *extra]) == 2
    assert said in capsys.readouterr().err
    assert not out.exists()


def test_a_renderer_that_fails_leaves_the_earlier_proof_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.qt import proof as qt_proof

    def fails(root: Path, out: Path, *args: object) -> int:
        out.write_bytes(b"%PDF half")
        raise qt_proof.ProofFailed("the renderer stopped (exit status 1):\nno display")

    monkeypatch.setattr(qt_proof, "make_proof", fails)
    root = tmp_path / "b"
    assert main(["bundle", "init", str(root)]) == 0
    out = tmp_path / "proof.pdf"
    out.write_bytes(b"%PDF yesterday's")
    assert main(["bundle", "proof", str(root), "-o", str(out)]) == 1
    assert "no proof was written: the renderer stopped" in capsys.readouterr().err
    assert out.read_bytes() == b"%PDF yesterday's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "proof.pdf"]
