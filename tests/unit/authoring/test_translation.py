"""The translation round-trip: export every visitor text, change cells as a translator does
(openpyxl, or a CSV saved by Excel with a BOM), import them back into the TOML."""

from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path

import openpyxl
import pytest

from kiosk.authoring import Project, SetText, entity_file
from kiosk.authoring.sheets import SheetError
from kiosk.authoring.translation import EMPTY, export_strings, import_strings

MOI = entity_file("moi")
CAPTION = "moi/slides[eservices].caption"
TITLE = "moi/slides[fewer-visits].title"


def edit_xlsx(path: Path, cells: dict[tuple[str, str], str | None]) -> None:
    """Set cells by (key, column) as a translator would in Excel."""
    book = openpyxl.load_workbook(path)
    ws = book.active
    assert ws is not None
    headers = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for (key, column), value in cells.items():
            if row[0].value == key:
                row[headers.index(column)].value = value
    book.save(path)


def sheet_rows(path: Path) -> dict[str, dict[str, str]]:
    book = openpyxl.load_workbook(path)
    ws = book.active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    headers = [str(h) for h in rows[0]]
    return {
        str(r[0]): {h: "" if v is None else str(v) for h, v in zip(headers, r, strict=True)}
        for r in rows[1:]
    }


def test_export_has_a_row_per_visitor_text_with_where_it_shows_and_what_fits(
    sample: Project, tmp_path: Path
) -> None:
    out = tmp_path / "strings.xlsx"
    n = export_strings(sample, out)
    rows = sheet_rows(out)
    assert n == len(rows)
    row = rows[CAPTION]
    assert row["where"] == "Ministry of Interior › slide 1 (image) › caption"
    assert row["fits"] == "250"
    assert row["en"].startswith("Ministry of Interior e-services")
    assert row["ar"].startswith("خدمات وزارة الداخلية")
    assert row["status"] == ""
    assert rows["bundle.toml/title"]["fits"] == "100"
    assert any(k.startswith("moi/demos[") and ".screens[" in k for k in rows)


def test_two_changed_cells_change_only_those_two_texts_and_keep_comments(
    sample: Project, tmp_path: Path
) -> None:
    out = tmp_path / "strings.xlsx"
    export_strings(sample, out)
    before = sample.text(MOI)
    edit_xlsx(out, {(CAPTION, "en"): "Interior e-services, online.", (TITLE, "ar"): "زيارات أقل"})
    result = import_strings(sample, out)
    assert [(c.key, c.lang, c.new) for c in result.changes] == [
        (CAPTION, "en", "Interior e-services, online."),
        (TITLE, "ar", "زيارات أقل"),
    ]
    assert not result.refused
    sample.save()
    after = (sample.root / MOI).read_text("utf-8")
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert len(changed) == 4  # two lines out, two lines in
    assert all("caption = " in line or "title = " in line for line in changed)
    assert [x for x in before.splitlines() if x.startswith("#")] == [
        x for x in after.splitlines() if x.startswith("#")
    ]
    assert sample.changed_files() == []


def test_a_stale_key_is_refused_by_name_and_the_rest_applied(
    sample: Project, tmp_path: Path
) -> None:
    out = tmp_path / "strings.xlsx"
    export_strings(sample, out)
    edit_xlsx(out, {(TITLE, "en"): "Fewer visits"})
    book = openpyxl.load_workbook(out)
    ws = book.active
    assert ws is not None
    for row in ws.iter_rows(min_row=2):
        if row[0].value == CAPTION:
            row[0].value = "moi/slides[deleted-slide].caption"
            row[4].value = "changed"
    book.save(out)
    result = import_strings(sample, out)
    assert result.stale == ["moi/slides[deleted-slide].caption"]
    assert "'moi/slides[deleted-slide].caption' no longer exists in the bundle" in result.refused[0]
    assert "strings.xlsx, sheet 'Texts', row " in result.refused[0]
    assert [c.key for c in result.changes] == [TITLE]


def test_an_empty_cell_changes_nothing_and_the_marker_empties_on_purpose(
    sample: Project, tmp_path: Path
) -> None:
    out = tmp_path / "strings.xlsx"
    export_strings(sample, out)
    edit_xlsx(out, {(CAPTION, "en"): None, (TITLE, "en"): EMPTY})
    result = import_strings(sample, out)
    assert [(c.key, c.lang, c.new) for c in result.changes] == [(TITLE, "en", "")]


def test_a_text_changed_in_the_bundle_since_the_export_is_not_overwritten(
    sample: Project, tmp_path: Path
) -> None:
    out = tmp_path / "strings.xlsx"
    export_strings(sample, out)
    sample.history.push(SetText(MOI, ("slides", 0, "caption"), "en", "Edited in the Studio"))
    edit_xlsx(out, {(CAPTION, "en"): "From the translator"})
    result = import_strings(sample, out)
    assert result.changes == []
    assert "was changed in the bundle since this sheet was exported" in result.refused[0]
    assert "column 'en'" in result.refused[0]


def test_status_marks_what_changed_since_the_last_export(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "strings.xlsx"
    export_strings(sample, out)
    sample.history.push(SetText(MOI, ("slides", 0, "caption"), "en", "Edited"))
    sample.history.push(SetText(MOI, ("slides", 2, "title"), "ar", ""))
    export_strings(sample, out)
    rows = sheet_rows(out)
    assert rows[CAPTION]["status"] == "changed since last export"
    assert rows[TITLE]["status"] == "missing ar; changed since last export"


def test_csv_saved_by_excel_with_a_bom_imports(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "strings.csv"
    export_strings(sample, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    for row in rows:
        if row[0] == TITLE:
            row[4] = "Fewer trips"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    out.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    result = import_strings(sample, out)
    assert [(c.key, c.new) for c in result.changes] == [(TITLE, "Fewer trips")]


def test_a_half_written_workbook_is_refused_with_the_file_and_the_fix(
    sample: Project, tmp_path: Path
) -> None:
    out = tmp_path / "strings.xlsx"
    export_strings(sample, out)
    out.write_bytes(out.read_bytes()[:500])
    with pytest.raises(SheetError, match=r"strings.xlsx: not a readable Excel workbook.*Fix: open"):
        import_strings(sample, out)
    assert not sample.dirty


def test_a_sheet_without_its_key_column_is_refused(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "strings.csv"
    out.write_text("ar,en\nx,y\n", "utf-8")
    with pytest.raises(SheetError, match=r"strings.csv, sheet 'CSV', row 1: no 'key' column"):
        import_strings(sample, out)
