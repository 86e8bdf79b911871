"""Slides from a spreadsheet: the template's example row, rows that add and update slides,
and a bad row named by sheet, row and column (with nothing changed)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kiosk.authoring import Project, lookup
from kiosk.authoring.sheets import SheetError
from kiosk.authoring.slide_sheet import (
    SheetImportError,
    import_sheet,
    template_headers,
    write_template,
)
from kiosk.bundle import scaffold, validate


def write_sheet(path: Path, rows: list[dict[str, object]]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Slides"
    headers = template_headers()
    ws.append(headers)
    for row in rows:
        ws.append([row.get(h) for h in headers])
    book.save(path)
    return path


def slide_ids(project: Project) -> list[str]:
    slides = lookup(project.entity("example"), ("slides",))
    assert isinstance(slides, list)
    return [str(s["id"]) for s in slides]


def test_the_templates_example_row_imports_as_a_text_slide(
    project: Project, tmp_path: Path
) -> None:
    sheet = tmp_path / "slides.xlsx"
    write_template(sheet)
    result = import_sheet(project, sheet, "example")
    assert result.added == ["mawared-intro"]
    slide = lookup(project.entity("example"), ("slides", 2))
    assert isinstance(slide, dict)
    assert slide["title"]["en"] == "Mawared"
    assert [dict(b) for b in slide["bullets"]] == [
        {"ar": "الموارد البشرية", "en": "Human resources"},
        {"ar": "المالية", "en": "Finance"},
    ]
    assert (slide["duration"], slide["attract"]) == (10, True)
    project.save()
    assert validate(project.root, None).ok


def test_rows_add_picture_slides_and_update_existing_ones(project: Project, tmp_path: Path) -> None:
    (tmp_path / "Booth Photo.png").write_bytes(scaffold.solid_png(32, 18, (10, 120, 90)))
    sheet = write_sheet(
        tmp_path / "slides.xlsx",
        [
            {"id": "welcome", "title en": "Welcome to the pavilion", "duration": 12},
            {
                "kind": "image",
                "file": "Booth Photo.png",
                "caption ar": "الجناح",
                "caption en": "The booth",
            },
        ],
    )
    result = import_sheet(project, sheet, "example")
    assert result.updated == ["welcome"]
    assert result.added == ["image"]
    assert result.copied == ["slides/booth-photo.png"]
    doc = project.entity("example")
    assert lookup(doc, ("slides", 0, "title", "en")) == "Welcome to the pavilion"
    assert lookup(doc, ("slides", 0, "title", "ar")) == "مرحبًا"  # an empty cell keeps it
    assert lookup(doc, ("slides", 0, "duration")) == 12
    assert lookup(doc, ("slides", 2, "image")) == "slides/booth-photo.png"
    project.save()
    assert (project.root / "entities/example/slides/booth-photo.png").is_file()
    assert validate(project.root, None).ok


def test_a_bad_row_is_named_by_sheet_row_and_column_and_nothing_changes(
    project: Project, tmp_path: Path
) -> None:
    sheet = write_sheet(
        tmp_path / "slides.xlsx",
        [
            {
                "id": "ok-one",
                "kind": "text",
                "title ar": "أ",
                "title en": "A",
                "body ar": "ب",
                "body en": "B",
            },
            {
                "id": "later",
                "kind": "text",
                "title ar": "أ",
                "title en": "A",
                "body en": "B",
                "duration": "soon",
            },
            {
                "id": "bullets",
                "kind": "text",
                "title ar": "أ",
                "title en": "A",
                "bullets ar": "١\n٢",
                "bullets en": "one",
            },
        ],
    )
    before = project.text("entities/example/entity.toml")
    with pytest.raises(SheetImportError) as exc:
        import_sheet(project, sheet, "example")
    problems = exc.value.problems
    assert problems[0].startswith("slides.xlsx, sheet 'Slides', row 3, column 'duration': 'soon'")
    assert "Fix: write the seconds" in problems[0]
    assert problems[1].startswith("slides.xlsx, sheet 'Slides', row 4, column 'bullets_en'")
    assert "(ar 2, en 1)" in problems[1]
    assert project.text("entities/example/entity.toml") == before
    assert slide_ids(project) == ["welcome", "picture"]


def test_a_missing_file_and_an_unknown_column_are_named(project: Project, tmp_path: Path) -> None:
    sheet = tmp_path / "slides.csv"
    sheet.write_text(
        "\ufeffid,kind,file,caption en,colour\nhall,image,hall.jpg,Hall,red\n", "utf-8"
    )
    with pytest.raises(SheetImportError) as exc:
        import_sheet(project, sheet, "example")
    text = "\n".join(exc.value.problems)
    assert "slides.csv, sheet 'CSV', row 1, column 'colour': 'colour' is not a column" in text
    assert "row 2, column 'file': 'hall.jpg' was not found" in text


def test_an_unknown_entity_is_refused(project: Project, tmp_path: Path) -> None:
    sheet = tmp_path / "slides.xlsx"
    write_template(sheet)
    with pytest.raises(SheetError, match=r"no entity 'moi'.*Fix: give --entity"):
        import_sheet(project, sheet, "moi")
