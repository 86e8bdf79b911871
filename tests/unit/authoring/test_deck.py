"""Decks into image slides: a PDF made in the test (QPdfWriter, landscape and portrait pages),
a PowerPoint file made with python-pptx, and the ways a deck goes wrong."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtGui import QGuiApplication

from kiosk.authoring import Project, SetText, entity_file, lookup
from kiosk.authoring import deck as deck_mod
from kiosk.authoring.deck import SOFFICE_MISSING, Cancelled, DeckError, import_deck
from kiosk.authoring.strings import draft_marks
from kiosk.bundle import validate
from tests.made_decks import make_pdf, make_pptx

BOX = (192, 108)
"""Rendered at a tenth of the kiosk's 1920x1080 in tests (fast); the CLI renders full size."""
PAGES = [
    ("landscape", "Welcome"),
    ("portrait", "Mawared"),
    ("landscape", "السحابة الحكومية"),
    ("portrait", "Four"),
    ("landscape", "Five"),
]
ENTITY = "example"
FILE = entity_file(ENTITY)


@pytest.fixture(scope="session")
def deck_pdf(qapp: QGuiApplication, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("deck") / "Pavilion Deck.pdf", PAGES)


def slides(project: Project) -> list[Any]:
    found = lookup(project.entity(ENTITY), ("slides",))
    assert isinstance(found, list)
    return found


def deck_slides(project: Project) -> list[Any]:
    return [s for s in slides(project) if str(s["id"]).startswith("deck-")]


def test_a_five_page_pdf_becomes_five_image_slides_that_validate(
    project: Project, deck_pdf: Path
) -> None:
    result = import_deck(project, deck_pdf, ENTITY, box=BOX, attract="1,3")
    project.save()
    assert result.added == [f"deck-pavilion-deck-p0{n}" for n in range(1, 6)]
    assert not result.failed
    got = deck_slides(project)
    assert [s["image"] for s in got] == [
        f"slides/deck-pavilion-deck-p0{n}.png" for n in range(1, 6)
    ]
    assert [s["caption"]["en"] for s in got] == [title for _, title in PAGES]
    assert [bool(s.get("attract")) for s in got] == [True, False, True, False, False]
    entity = project.root / "entities" / ENTITY
    for s, (orientation, _) in zip(got, PAGES, strict=True):
        with Image.open(entity / s["image"]) as image:
            assert image.size == (BOX if orientation == "landscape" else BOX[::-1])
    report = validate(project.root, None)
    assert report.ok, report.errors
    assert not (project.root / ".studio-import").exists()


def test_titles_become_drafts_marked_untranslated_in_the_other_language(
    project: Project, deck_pdf: Path
) -> None:
    import_deck(project, deck_pdf, ENTITY, box=BOX, pages="1,3")
    marks = draft_marks(project.root)
    english = marks["example/slides[deck-pavilion-deck-p01].caption"]
    arabic = marks["example/slides[deck-pavilion-deck-p03].caption"]
    p01 = deck_slides(project)[0]["caption"]
    assert (english.source, english.untranslated(dict(p01))) == ("en", ["ar"])
    assert (
        arabic.source,
        arabic.untranslated({"ar": "السحابة الحكومية", "en": "السحابة الحكومية"}),
    ) == ("ar", ["en"])


def test_importing_again_needs_replace_and_then_updates_in_place(
    project: Project, deck_pdf: Path, tmp_path: Path, qapp: QGuiApplication
) -> None:
    import_deck(project, deck_pdf, ENTITY, box=BOX)
    # an author fixes one caption by hand; the other drafts are untouched
    index = next(i for i, s in enumerate(slides(project)) if s["id"] == "deck-pavilion-deck-p02")
    project.history.push(SetText(FILE, ("slides", index, "caption"), "ar", "موارد"))
    project.save()
    before = project.text(FILE)
    with pytest.raises(DeckError, match="--replace"):
        import_deck(project, deck_pdf, ENTITY, box=BOX)
    assert project.text(FILE) == before

    new = make_pdf(
        tmp_path / "Pavilion Deck.pdf",
        [("portrait", "Hello again"), *PAGES[1:], ("landscape", "Six")],
    )
    old_png = (
        project.root / "entities" / ENTITY / "slides/deck-pavilion-deck-p01.png"
    ).read_bytes()
    result = import_deck(project, new, ENTITY, box=BOX, replace=True)
    project.save()
    assert result.updated == [f"deck-pavilion-deck-p0{n}" for n in range(1, 6)]
    assert result.added == ["deck-pavilion-deck-p06"]
    got = deck_slides(project)
    assert [s["id"] for s in got] == [f"deck-pavilion-deck-p0{n}" for n in range(1, 7)]
    assert got[0]["caption"]["en"] == "Hello again"  # an untouched draft follows the deck
    assert dict(got[1]["caption"]) == {"ar": "موارد", "en": "Mawared"}  # the author's is kept
    png = project.root / "entities" / ENTITY / "slides/deck-pavilion-deck-p01.png"
    assert png.read_bytes() != old_png
    with Image.open(png) as image:
        assert image.size == BOX[::-1]  # now a portrait page
    assert len(slides(project)) == 2 + 6  # the scaffold's two, then the deck's
    assert validate(project.root, None).ok


def test_a_page_that_fails_is_named_and_the_others_are_imported(
    project: Project, deck_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = deck_mod.render_page

    def flaky(pdf: Any, index: int, out: Path, box: tuple[int, int] | None = None) -> str:
        if index == 2:
            raise ValueError("damaged content stream")
        return real(pdf, index, out, box)

    monkeypatch.setattr(deck_mod, "render_page", flaky)
    result = import_deck(project, deck_pdf, ENTITY, box=BOX)
    assert [f.page for f in result.failed] == [3]
    assert len(result.added) == 4
    assert "page 3 of the deck could not be rendered (damaged content stream)" in result.messages[0]
    project.save()
    assert validate(project.root, None).ok


def test_cancel_leaves_the_bundle_as_it_was(project: Project, deck_pdf: Path) -> None:
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    with pytest.raises(Cancelled):
        import_deck(project, deck_pdf, ENTITY, box=BOX, cancelled=cancelled)
    assert not project.dirty
    assert not list((project.root / "entities" / ENTITY / "slides").glob("deck-*"))
    assert not (project.root / ".studio-import").exists()


@pytest.mark.parametrize("where", ["render_page", "_edit"])
def test_ctrl_c_while_rendering_or_editing_leaves_the_bundle_as_it_was(
    project: Project, deck_pdf: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    real = getattr(deck_mod, where)
    calls = 0

    def interrupted(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(deck_mod, where, interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_deck(project, deck_pdf, ENTITY, box=BOX)
    assert not project.dirty
    assert project.history.index == 0
    assert not list((project.root / "entities" / ENTITY / "slides").glob("deck-*"))
    assert not (project.root / ".studio-import").exists()


def test_a_corrupt_pdf_is_refused_with_the_file_and_the_fix(
    project: Project, deck_pdf: Path, tmp_path: Path
) -> None:
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(deck_pdf.read_bytes()[:300])
    with pytest.raises(DeckError) as exc:
        import_deck(project, cut, ENTITY, box=BOX)
    assert "cut.pdf: not a readable PDF" in str(exc.value)
    assert "Fix: export the deck as PDF again" in str(exc.value)
    assert not project.dirty


@pytest.mark.parametrize(
    ("pages", "message"),
    [("9", "page 9 is past the end: the deck has 5 pages"), ("two", "'two' is not a page number")],
)
def test_bad_page_lists_are_refused(
    project: Project, deck_pdf: Path, pages: str, message: str
) -> None:
    with pytest.raises(DeckError, match=message):
        import_deck(project, deck_pdf, ENTITY, box=BOX, pages=pages)
    assert not project.dirty


def test_without_libreoffice_a_pptx_is_refused_with_the_fix(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    pptx = make_pptx(tmp_path / "Deck.pptx", [("Welcome", "")])
    with pytest.raises(DeckError) as exc:
        import_deck(project, pptx, ENTITY, box=BOX)
    assert "Deck.pptx: LibreOffice (soffice)" in str(exc.value)
    assert f"Fix: {SOFFICE_MISSING}" in str(exc.value)
    assert SOFFICE_MISSING == "save it as PDF from PowerPoint, then import the PDF"


def test_pptx_titles_and_notes_become_captions_and_the_narration_script(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QGuiApplication
) -> None:
    """The PPTX route with LibreOffice stood in for (its PDF made here): python-pptx's titles
    and speaker notes land on the slides."""
    pptx = make_pptx(
        tmp_path / "Cloud.pptx",
        [("Government Cloud", "Say: one cloud for every ministry."), ("حكومة قطر الرقمية", "")],
    )

    def to_pdf(source: Path, work: Path, timeout_s: float = 0) -> Path:
        return make_pdf(work / f"{source.stem}.pdf", [("landscape", "x"), ("landscape", "y")])

    monkeypatch.setattr(deck_mod, "to_pdf", to_pdf)
    result = import_deck(project, pptx, ENTITY, box=BOX)
    got = deck_slides(project)
    assert [s["caption"]["ar"] for s in got] == ["Government Cloud", "حكومة قطر الرقمية"]
    assert dict(got[0]["notes"]) == {"ar": "", "en": "Say: one cloud for every ministry."}
    assert "notes" not in got[1]
    assert result.notes == 1
    project.save()
    assert validate(project.root, None).ok


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_a_pptx_converts_with_libreoffice(project: Project, tmp_path: Path) -> None:
    pptx = make_pptx(tmp_path / "Real.pptx", [("Mawared", "notes"), ("Cloud", "")])
    result = import_deck(project, pptx, ENTITY, box=BOX)
    assert len(result.added) == 2
    assert [s["caption"]["en"] for s in deck_slides(project)] == ["Mawared", "Cloud"]
    project.save()
    assert validate(project.root, None).ok
