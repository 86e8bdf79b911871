"""``kiosk bundle import-deck``, ``import-sheet`` and ``strings``: thin commands over the
authoring model's importers (kiosk/authoring/deck.py, slide_sheet.py, translation.py), which
Kiosk Studio calls too."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..authoring import Project, ProjectError
from ..authoring.lock import holder
from ..bundle import validate
from ..terminal import printable
from .progress import ProgressBar

IMPORT_DECK_HELP = """\
Turn a slide deck into image slides of one entity. Each page of a PDF is
rendered to fit the kiosk's screen in its own orientation (1920x1080 landscape,
1080x1920 portrait) as slides/deck-<name>-p03.png, and becomes an image slide
deck-<name>-p03. The page's title becomes a draft caption, written in every
language and marked untranslated for 'kiosk bundle strings export'.

PPTX, PPT, ODP and KEY files are converted to PDF by LibreOffice (soffice) when
it is installed; otherwise save the deck as PDF and import the PDF. From a PPTX,
slide titles become the captions and speaker notes the slides' notes (the
narration script). A page that cannot be rendered is named, and the others are
imported. Ctrl+C cancels and leaves the bundle as it was.

Importing the same file again needs --replace: the deck's slides are updated in
place (pictures; captions nobody has changed since), new pages are added.

example:
  kiosk bundle import-deck "Mawared 2015.pdf" --bundle pavilion --entity mada
  kiosk bundle import-deck deck.pptx --bundle pavilion --entity moi --pages 1-12 --attract 1,3
  kiosk bundle import-deck deck.pdf --bundle pavilion --entity moi --replace
"""

IMPORT_SHEET_HELP = """\
Build or update an entity's slides from a spreadsheet (.xlsx or .csv), one row
a slide. Columns: id, kind (image, video, text), file, caption ar, caption en,
title ar, title en, body ar, body en, bullets ar, bullets en (one bullet a
line), duration (seconds), attract (yes/no). A row whose id is a slide updates
it (its non-empty cells); other rows add slides. Files are found in the
entity's folder or beside the sheet. Any problem is named by sheet, row and
column, and then nothing is changed. 'kiosk bundle strings template' writes an
empty sheet with the headers and one example row.

example:
  kiosk bundle strings template -o slides.xlsx
  kiosk bundle import-sheet slides.xlsx --bundle pavilion --entity mec
"""

STRINGS_HELP = """\
Translation round-trip. 'export' writes one row per visitor text: a stable key,
where it shows, about how many characters fit there without scrolling, one
column per language, a status (missing, untranslated draft, changed since the
last export) and a hash. 'import' writes the changed cells back into the TOML,
keeping comments and layout, and prints each change. An empty cell changes
nothing; write [empty] to empty a text on purpose. Rows whose key no longer
exists, and cells whose text was changed in the bundle since the export, are
refused by name. XLSX or CSV (UTF-8; a BOM is fine).

example:
  kiosk bundle strings export pavilion -o strings.xlsx
  kiosk bundle strings import pavilion strings.xlsx
  kiosk bundle strings template -o slides.xlsx
"""


def add_parsers(bsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fmt = argparse.RawDescriptionHelpFormatter
    d = bsub.add_parser(
        "import-deck",
        help="turn a PDF or PowerPoint deck into image slides",
        description=IMPORT_DECK_HELP,
        formatter_class=fmt,
    )
    d.add_argument("file", type=Path, help="the deck: .pdf, .pptx, .ppt, .odp or .key")
    d.add_argument("--bundle", type=Path, required=True, metavar="DIR", help="bundle folder")
    d.add_argument("--entity", required=True, metavar="ID", help="the entity to add slides to")
    d.add_argument("--pages", metavar="1-12", help="pages to import (default: all)")
    d.add_argument("--attract", metavar="1,3", help="pages that also show in the attract loop")
    d.add_argument(
        "--replace", action="store_true", help="update the slides of an earlier import in place"
    )
    d.set_defaults(func=cmd_import_deck)

    s = bsub.add_parser(
        "import-sheet",
        help="build or update an entity's slides from a spreadsheet",
        description=IMPORT_SHEET_HELP,
        formatter_class=fmt,
    )
    s.add_argument("file", type=Path, help="the sheet: .xlsx or .csv")
    s.add_argument("--bundle", type=Path, required=True, metavar="DIR", help="bundle folder")
    s.add_argument("--entity", required=True, metavar="ID", help="the entity whose slides")
    s.add_argument("--sheet", metavar="NAME", help="the sheet of the workbook (default: first)")
    s.set_defaults(func=cmd_import_sheet)

    t = bsub.add_parser(
        "strings",
        help="export visitor texts for translation, and import them back",
        description=STRINGS_HELP,
        formatter_class=fmt,
    )
    tsub = t.add_subparsers(dest="strings_cmd", required=True, metavar="COMMAND")
    ex = tsub.add_parser(
        "export",
        help="write every visitor text to a sheet",
        description=STRINGS_HELP,
        formatter_class=fmt,
    )
    ex.add_argument("dir", type=Path, help="bundle folder")
    ex.add_argument("-o", "--output", type=Path, required=True, help="the .xlsx or .csv to write")
    ex.set_defaults(func=cmd_strings_export)
    im = tsub.add_parser(
        "import",
        help="write a sheet's changed texts back",
        description=STRINGS_HELP,
        formatter_class=fmt,
    )
    im.add_argument("dir", type=Path, help="bundle folder")
    im.add_argument("sheet", type=Path, help="the .xlsx or .csv from 'strings export'")
    im.set_defaults(func=cmd_strings_import)
    tp = tsub.add_parser(
        "template",
        help="an empty slide sheet for import-sheet",
        description=IMPORT_SHEET_HELP,
        formatter_class=fmt,
    )
    tp.add_argument("-o", "--output", type=Path, required=True, help="the .xlsx or .csv to write")
    tp.set_defaults(func=cmd_strings_template)


def _err(message: str) -> None:
    print(f"kiosk: {printable(message)}", file=sys.stderr)


def _open(folder: Path) -> Project | None:
    """The bundle open for editing, or None (the message printed)."""
    if not (folder / "bundle.toml").is_file():
        _err(f"{folder}: no bundle.toml. Fix: give the bundle's top folder (kiosk bundle init)")
        return None
    try:
        project = Project.open(folder)
    except ProjectError as exc:
        _err(str(exc))
        return None
    other = holder(folder)
    if other is not None:
        _err(f"{folder}: {other.message().en} Fix: close it in Kiosk Studio, then run this again")
        return None
    return project


def _save_and_check(project: Project) -> int:
    """Save, then validate (structure only): 0 when valid, 1 with the problems printed."""
    saved = project.save()
    for file in saved.written:
        print(f"  wrote {file}")
    report = validate(project.root, None)
    if report.ok:
        print(f"{project.root} is valid: {len(report.warnings)} warning(s).")
        return 0
    from .bundle import print_report

    print_report(report)
    return 1


def cmd_import_deck(args: argparse.Namespace) -> int:
    from ..authoring.deck import Cancelled, DeckError, import_deck

    project = _open(args.bundle)
    if project is None:
        return 1
    bar = ProgressBar()
    try:
        result = import_deck(
            project,
            args.file,
            args.entity,
            pages=args.pages,
            attract=args.attract,
            replace=args.replace,
            progress=bar,
        )
    except DeckError as exc:
        bar.close()
        _err(f"{exc}. Nothing was imported." if not str(exc).endswith(".") else str(exc))
        return 1
    except (KeyboardInterrupt, Cancelled):
        bar.close()
        print("Cancelled; the bundle is as it was.", file=sys.stderr)
        return 130
    bar.close()
    for message in result.messages:
        _err(f"{args.file.name}: {message}")
    print(
        f"{printable(args.file.name)}: {len(result.added)} slide(s) added, "
        f"{len(result.updated)} updated, {len(result.failed)} page(s) failed, of "
        f"{result.pages} page(s)."
    )
    if result.drafts:
        print(
            f"  {result.drafts} caption(s) are drafts from the page titles, in one language: "
            "translate them (kiosk bundle strings export)."
        )
    if result.notes:
        print(f"  {result.notes} slide(s) got speaker notes as their narration script (notes).")
    code = _save_and_check(project)
    return 1 if result.failed else code


def cmd_import_sheet(args: argparse.Namespace) -> int:
    from ..authoring.sheets import SheetError
    from ..authoring.slide_sheet import SheetImportError, import_sheet

    project = _open(args.bundle)
    if project is None:
        return 1
    try:
        result = import_sheet(project, args.file, args.entity, args.sheet)
    except SheetError as exc:
        _err(str(exc))
        return 1
    except SheetImportError as exc:
        for problem in exc.problems:
            _err(problem)
        print(
            f"Nothing was changed: fix the {len(exc.problems)} problem(s) above and import again."
        )
        return 1
    print(
        f"{printable(args.file.name)}: {len(result.added)} slide(s) added, "
        f"{len(result.updated)} updated, {len(result.copied)} file(s) copied in."
    )
    return _save_and_check(project)


def cmd_strings_export(args: argparse.Namespace) -> int:
    from ..authoring.sheets import SheetError
    from ..authoring.translation import export_strings

    project = _open(args.dir)
    if project is None:
        return 1
    try:
        n = export_strings(project, args.output)
    except (SheetError, OSError) as exc:
        _err(f"{args.output}: {exc}")
        return 1
    print(f"Wrote {n} texts to {args.output}. Translate the language columns, then run:")
    print(f"  kiosk bundle strings import {args.dir} {args.output}")
    return 0


def cmd_strings_import(args: argparse.Namespace) -> int:
    from ..authoring.sheets import SheetError
    from ..authoring.translation import import_strings

    project = _open(args.dir)
    if project is None:
        return 1
    try:
        result = import_strings(project, args.sheet)
    except SheetError as exc:
        _err(f"{exc}. Nothing was changed." if not str(exc).endswith(".") else str(exc))
        return 1
    for change in result.changes:
        old = printable("(none)" if change.old is None else repr(change.old))
        print(f"  {printable(change.key)} {change.lang}: {old} → {printable(repr(change.new))}")
    for message in result.refused:
        _err(message)
    print(
        f"{len(result.changes)} text(s) changed from {result.rows} row(s); "
        f"{len(result.refused)} refused."
    )
    code = _save_and_check(project) if result.changes else 0
    return 1 if result.refused else code


def cmd_strings_template(args: argparse.Namespace) -> int:
    from ..authoring.sheets import SheetError
    from ..authoring.slide_sheet import write_template

    try:
        write_template(args.output)
    except (SheetError, OSError) as exc:
        _err(f"{args.output}: {exc}")
        return 1
    print(f"Wrote {args.output}: fill one row per slide, then run:")
    print(f"  kiosk bundle import-sheet {args.output} --bundle DIR --entity ID")
    return 0
