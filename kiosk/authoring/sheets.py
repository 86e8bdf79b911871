"""Spreadsheets in and out: XLSX (openpyxl) and CSV (UTF-8, a BOM tolerated).

A sheet is a header row and data rows of text cells. :func:`read_table` gives each row as
a dict by header (lower-cased, spaces and dashes as ``_``), with its row number as the
spreadsheet program shows it, so that every message names the file, the sheet, the row
and the column. Anything unreadable is a :class:`SheetError` with the fix.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomicfile import write_atomic

__all__ = ["Row", "SheetError", "Table", "header_key", "read_table", "write_table"]

MAX_ROWS = 20_000
MAX_BYTES = 50 * 1024 * 1024


class SheetError(Exception):
    """A spreadsheet that cannot be read; the message names the file, where, and the fix."""


@dataclass(frozen=True)
class Row:
    number: int
    """The row number as the spreadsheet program shows it (the header is row 1)."""
    cells: dict[str, str | None]
    """Header key → text; None for an empty cell."""


@dataclass(frozen=True)
class Table:
    file: Path
    sheet: str
    """The sheet's name (``CSV`` for a .csv file)."""
    headers: list[str]
    """Header keys, in order."""
    rows: list[Row]

    def where(self, row: int | None = None, column: str | None = None) -> str:
        """``strings.xlsx, sheet 'Texts', row 4, column 'en'``."""
        out = f"{self.file.name}, sheet '{self.sheet}'"
        if row is not None:
            out += f", row {row}"
        if column is not None:
            out += f", column '{column}'"
        return out


def header_key(text: str) -> str:
    """``Caption AR`` → ``caption_ar``."""
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return text if text != "" else None


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The first sheet (or ``sheet``) of an .xlsx, or a .csv file."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        why = exc.strerror or exc
        raise SheetError(f"{path}: cannot be read ({why}). Fix: check the path") from exc
    if size > MAX_BYTES:
        raise SheetError(f"{path.name}: larger than {MAX_BYTES >> 20} MB. Fix: split it")
    ext = path.suffix.lower()
    if ext == ".csv":
        return _read_csv(path)
    if ext in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    raise SheetError(
        f"{path.name}: '{ext or path.name}' is not a spreadsheet this reads. Fix: save it as "
        ".xlsx (Excel workbook) or .csv (UTF-8)"
    )


def _read_csv(path: Path) -> Table:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SheetError(
            f"{path.name}: not UTF-8 text (byte {exc.start}). Fix: save it again as "
            "'CSV UTF-8 (comma delimited)' (Excel) or choose the UTF-8 character set"
        ) from exc
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    grid = list(csv.reader(io.StringIO(text, newline=""), dialect))
    return _table(path, "CSV", grid)


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SheetError(
            f"{path.name}: not a readable Excel workbook ({type(exc).__name__}: {exc}). Fix: "
            "open it in Excel or LibreOffice and save it again as .xlsx (a copy still being "
            "written, or cut short, cannot be read)"
        ) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise SheetError(
                f"{path.name}: no sheet '{sheet}' (sheets: {', '.join(book.sheetnames)}). "
                "Fix: name one of them"
            )
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        grid: list[list[Any]] = []
        for row in ws.iter_rows(values_only=True):
            grid.append(list(row))
            if len(grid) > MAX_ROWS + 1:
                break
        return _table(path, ws.title, grid)
    finally:
        book.close()


def _table(path: Path, sheet: str, grid: list[list[Any]]) -> Table:
    if len(grid) > MAX_ROWS + 1:
        raise SheetError(f"{path.name}, sheet '{sheet}': more than {MAX_ROWS} rows. Fix: split it")
    while grid and all(_cell(c) is None for c in grid[0]):
        grid.pop(0)  # blank lines above the header
    if not grid:
        raise SheetError(
            f"{path.name}, sheet '{sheet}': the sheet is empty. Fix: the first row names the "
            "columns (kiosk bundle strings template writes one)"
        )
    headers = [header_key(_cell(c) or "") for c in grid[0]]
    seen: set[str] = set()
    for i, h in enumerate(headers):
        if h and h in seen:
            raise SheetError(
                f"{path.name}, sheet '{sheet}', row 1: the column '{h}' appears twice. Fix: "
                "keep one of them"
            )
        seen.add(h)
        if not h:
            headers[i] = ""
    rows: list[Row] = []
    for n, raw in enumerate(grid[1:], start=2):
        cells = {h: _cell(raw[i] if i < len(raw) else None) for i, h in enumerate(headers) if h}
        if all(v is None for v in cells.values()):
            continue  # a blank line
        rows.append(Row(n, cells))
    return Table(path, sheet, [h for h in headers if h], rows)


def write_table(
    path: Path,
    sheet: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str | float | None]],
    widths: Sequence[int] = (),
) -> None:
    """Write a header row and rows to ``path`` (.xlsx, or .csv with a BOM for Excel)."""
    if path.suffix.lower() == ".csv":
        buf = io.StringIO(newline="")
        writer = csv.writer(buf)
        writer.writerow(headers)
        writer.writerows(["" if c is None else c for c in r] for r in rows)
        write_atomic(path, ("\ufeff" + buf.getvalue()).encode("utf-8"))
        return
    if path.suffix.lower() != ".xlsx":
        raise SheetError(f"{path.name}: write a .xlsx or a .csv file. Fix: change the name")
    import openpyxl
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append(list(r))
    wrap = Alignment(wrap_text=True, vertical="top")
    for col in ws.iter_cols(min_row=2):
        for cell in col:
            cell.alignment = wrap
    for i, w in enumerate(widths):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = w
    ws.freeze_panes = "A2"
    data = io.BytesIO()
    book.save(data)
    write_atomic(path, data.getvalue())
