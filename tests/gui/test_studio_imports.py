"""Kiosk Studio's File menu brings content in and gets it signed off (kiosk/qt/studio/imports.py):
a slide deck onto an entity (one undo step), a slide sheet's problems by row and column, the
translators' round trip, and the sign-off proof."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.authoring import Node, SetText, entity_file, lookup
from kiosk.qt.studio.window import Prompts, StudioWindow
from tests.made_decks import make_pdf

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
"""The offscreen platform cannot pass a window's size limits on (a QMainWindow with a dock)."""

ENTITY = Node(entity_file("example"))


class Answers(Prompts):
    """Staff's answers, given in advance; what the Studio told them is kept."""

    def __init__(self) -> None:
        self.file: Path | None = None
        self.save_to: Path | None = None
        self.shape = 1  # landscape only
        self.warnings: list[str] = []
        self.told: list[str] = []

    def warn(self, parent: object, title: str, text: str) -> None:
        self.warnings.append(f"{title}: {text}")

    def inform(self, parent: object, title: str, text: str) -> None:
        self.told.append(f"{title}: {text}")

    def unsaved(self, parent: object, lang: str) -> str:
        return "discard"

    def choose_deck(self, parent: object, title: str) -> Path | None:
        return self.file

    def choose_sheet(self, parent: object, title: str) -> Path | None:
        return self.file

    def save_as(self, parent: object, title: str, suggested: Path, filters: str) -> Path | None:
        return self.save_to

    def choose_one(self, parent: object, title: str, options: list[str]) -> int | None:
        return self.shape


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def studio(qtbot: QtBot, tmp_path: Path, answers: Answers) -> Iterator[StudioWindow]:
    settings = QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)
    window = StudioWindow(settings, "en", answers, check_delay_ms=50, preview=False)
    qtbot.addWidget(window)
    window.show()
    assert window.create_bundle(tmp_path / "pavilion")
    window.select_node(ENTITY)
    yield window
    window.close()


def run(qtbot: QtBot, studio: StudioWindow, action_name: str, timeout: int = 15000) -> None:
    """Choose a File menu action and wait until its job is over."""
    action = getattr(studio.imports, action_name)
    assert action.isEnabled()
    with qtbot.waitSignal(studio.imports.finished, timeout=timeout):
        action.trigger()


def text(studio: StudioWindow, where: str, lang: str) -> str:
    """What the editor's field of one language of a text shows."""
    field = studio.field(where, lang)
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def slide_ids(studio: StudioWindow) -> list[str]:
    assert studio.project is not None
    slides = lookup(studio.project.document(ENTITY.file), ("slides",))
    assert isinstance(slides, list)
    return [str(s["id"]) for s in slides]


def test_a_deck_imported_onto_an_entity_adds_its_slides_and_one_undo_removes_them(
    qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path
) -> None:
    assert studio.project is not None
    before = slide_ids(studio)
    answers.file = make_pdf(tmp_path / "Mawared.pdf", [("landscape", "Cloud"), ("portrait", "HR")])
    with qtbot.waitSignal(studio.imports.finished, timeout=15000):
        studio.imports.deck_action.trigger()
        assert studio.imports.bar_host.isVisible()  # the progress bar and Cancel, at once
        assert not studio.imports.deck_action.isEnabled()  # one job at a time
    assert not studio.imports.bar_host.isVisible()
    added = ["deck-mawared-p01", "deck-mawared-p02"]
    assert slide_ids(studio) == before + added
    slides = studio.project.root / "entities/example/slides"
    assert (slides / "deck-mawared-p01.png").is_file()
    assert "2 slide(s) added" in studio.imports.messages[0]
    assert not answers.warnings
    assert studio.undo_action.text() == "Undo: Import Mawared.pdf"

    studio.undo_action.trigger()
    assert slide_ids(studio) == before
    studio.redo_action.trigger()
    assert slide_ids(studio) == before + added
    assert Node(ENTITY.file, "slides[2]") in studio._items  # the outline shows them


def test_cancel_leaves_the_bundle_as_it_was(
    qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path
) -> None:
    assert studio.project is not None
    before = slide_ids(studio)
    answers.file = make_pdf(tmp_path / "deck.pdf", [("landscape", "One"), ("landscape", "Two")])
    with qtbot.waitSignal(studio.imports.finished, timeout=15000):
        studio.imports.deck_action.trigger()
        studio.imports.cancel_button.click()
    assert slide_ids(studio) == before
    assert not (studio.project.root / "entities/example/slides/deck-deck-p01.png").exists()
    assert studio.imports.messages == ["Cancelled; the bundle is as it was."]
    assert not studio.isWindowModified()


def test_a_slide_sheet_with_a_bad_cell_changes_nothing_and_names_row_and_column(
    qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path
) -> None:
    before = slide_ids(studio)
    sheet = tmp_path / "slides.csv"
    sheet.write_text("id,kind,title en,title ar\nintro,round,Hello,مرحبا\n", "utf-8")
    answers.file = sheet
    run(qtbot, studio, "sheet_action")
    assert slide_ids(studio) == before
    assert len(answers.warnings) == 1
    warning = answers.warnings[0]
    assert "Nothing was changed" in warning
    assert "slides.csv" in warning and "row 2" in warning and "kind" in warning


def test_texts_exported_then_one_cell_translated_change_that_text_in_the_studio(
    qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path
) -> None:
    out = tmp_path / "texts.csv"
    answers.save_to = out
    run(qtbot, studio, "export_action")
    assert out.is_file()
    assert "texts to" in answers.told[-1] and str(out) in answers.told[-1]

    with out.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    headers = table[0]
    name_en = text(studio, "name", "en")
    row = next(r for r in table[1:] if r[headers.index("en")] == name_en)
    row[headers.index("en")] = "Ministry of Culture"
    with out.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(table)

    answers.file = out
    run(qtbot, studio, "texts_action")
    assert text(studio, "name", "en") == "Ministry of Culture"
    told = answers.told[-1]
    assert "1 text(s) changed" in told and "0 refused" in told
    assert "'Ministry of Culture'" in told
    studio.undo_action.trigger()
    assert text(studio, "name", "en") == name_en


def test_the_proof_saves_first_and_writes_a_pdf_where_staff_chose(
    qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path
) -> None:
    project = studio.project
    assert project is not None
    project.history.push(SetText(ENTITY.file, ("name",), "en", "Ministry of Culture"))
    assert studio.isWindowModified()
    out = tmp_path / "sign-off.pdf"
    answers.save_to = out
    run(qtbot, studio, "proof_action", timeout=60000)
    assert not answers.warnings
    pages = len(pdfium.PdfDocument(out))
    assert pages >= 3  # the cover, the index, a page per view
    assert not out.with_name("sign-off.pdf.part").exists()
    assert not studio.isWindowModified()
    assert "Ministry of Culture" in (project.root / ENTITY.file).read_text("utf-8")
    told = answers.told[-1]
    assert "saved first" in told and str(out) in told and f"({pages} pages)" in told
