"""Slide decks into image slides: a PDF, or a PowerPoint / Keynote / Impress file.

A PDF's pages are rendered with pypdfium2 (PDFium, BSD/Apache; PyMuPDF is AGPL and is not
used) to fit the kiosk's screen in the page's own orientation: 1920x1080 for a landscape
page, 1080x1920 for a portrait one. Each page becomes an image slide
``deck-<stem>-p03`` showing ``slides/deck-<stem>-p03.png``: names are stable, so importing
the same deck again with ``replace`` updates those slides in place.

The page's title (its largest line of text) becomes a draft caption: written in every
language (so the bundle validates as it stands) and marked untranslated in
``.studio-strings/drafts.json`` until a translator changes it (``kiosk bundle strings``).

PPTX, PPT, ODP and KEY files are converted to PDF by LibreOffice (``soffice --headless``),
each conversion with a profile of its own, so two can run side by side. For a PPTX, the
slide titles and speaker notes are read with python-pptx: the title becomes the draft
caption, the notes the slide's ``notes`` (the narration script; bundle-format.md).

Pages are rendered into ``.studio-import/`` and moved into the entity only when every page
is done: a cancel (:class:`Cancelled`, or Ctrl+C) leaves the bundle as it was. A page that
fails is reported by number, and the others are imported.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..bundle.media import STUDIO_IMPORT
from .commands import InsertItem, SetText, SetValue
from .fields import entity_file, lookup
from .media_in import safe_stem
from .strings import Draft, draft_marks, mark_drafts, stable_key

if TYPE_CHECKING:
    from .document import Project

__all__ = [
    "LANDSCAPE",
    "PORTRAIT",
    "SOFFICE_MISSING",
    "Cancelled",
    "DeckError",
    "DeckResult",
    "PageFailure",
    "import_deck",
    "parse_pages",
    "to_pdf",
]

LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
CONVERTED = frozenset({".pptx", ".ppt", ".odp", ".key"})
SOFFICE_MISSING = "save it as PDF from PowerPoint, then import the PDF"
"""The fix when LibreOffice is not installed (the exact words staff are told)."""
SOFFICE_TIMEOUT_S = 300
MAX_CAPTION = 200
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")

Progress = Callable[[str, int, int], None]


class DeckError(Exception):
    """A deck that cannot be imported at all; the message names the file and the fix."""


class Cancelled(Exception):
    """The import was cancelled; nothing in the bundle changed."""


@dataclass(frozen=True)
class PageFailure:
    page: int
    """1-based, as the deck numbers it."""
    why: str


@dataclass
class DeckResult:
    """What an import did."""

    added: list[str] = field(default_factory=list)
    """Slide ids added."""
    updated: list[str] = field(default_factory=list)
    """Slide ids whose picture (and draft caption) were updated in place (``replace``)."""
    failed: list[PageFailure] = field(default_factory=list)
    drafts: int = 0
    """Captions written as untranslated drafts."""
    notes: int = 0
    """Slides that got speaker notes as their narration script."""
    pages: int = 0
    """Pages in the deck."""
    messages: list[str] = field(default_factory=list)


def parse_pages(text: str | None, total: int | None = None, what: str = "--pages") -> list[int]:
    """``"1-3,5"`` → [1, 2, 3, 5] (1-based); ValueError naming the option and the fix."""
    if text is None or not text.strip():
        return list(range(1, (total or 0) + 1))
    out: list[int] = []
    for part in text.split(","):
        part = part.strip()
        m = re.fullmatch(r"([0-9]+)(?:\s*-\s*([0-9]+))?", part)
        if not m:
            raise ValueError(
                f"{what}: '{part}' is not a page number or range. Fix: write pages as "
                "1-12 or 1,3,5 (counting from 1)"
            )
        a = int(m.group(1))
        b = int(m.group(2) or a)
        if a < 1 or b < a:
            raise ValueError(
                f"{what}: '{part}' is not a range of pages. Fix: count from 1, the smaller first"
            )
        if total is not None and b > total:
            raise ValueError(
                f"{what}: page {b} is past the end: the deck has {total} page"
                f"{'s' * (total != 1)}. Fix: use pages 1-{total}"
            )
        out.extend(n for n in range(a, b + 1) if n not in out)
    return out


# -- LibreOffice --------------------------------------------------------------------------------


def soffice() -> str | None:
    """The LibreOffice program, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(source: Path, work: Path, timeout_s: float = SOFFICE_TIMEOUT_S) -> Path:
    """Convert a presentation to PDF in ``work`` with LibreOffice headless, with a profile
    of its own (two conversions can run at once). DeckError when that is not possible."""
    program = soffice()
    if program is None:
        raise DeckError(
            f"{source.name}: LibreOffice (soffice), which converts {source.suffix} files, is "
            f"not installed. Fix: {SOFFICE_MISSING} (or install LibreOffice: apt-get install "
            "libreoffice-impress)"
        )
    profile = Path(tempfile.mkdtemp(prefix="kiosk-lo-profile-"))
    try:
        cmd = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            proc = subprocess.run(
                cmd, capture_output=True, text=True, timeout=timeout_s, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise DeckError(
                f"{source.name}: LibreOffice took more than {timeout_s:.0f} s to convert it. "
                f"Fix: {SOFFICE_MISSING}"
            ) from exc
        out = work / f"{source.stem}.pdf"
        if proc.returncode != 0 or not out.is_file():
            said = (proc.stderr or proc.stdout or "").strip().splitlines()[-1:] or ["no output"]
            raise DeckError(
                f"{source.name}: LibreOffice could not convert it ({said[0]}). Fix: open it in "
                f"PowerPoint (or Keynote) and {SOFFICE_MISSING}"
            )
        return out
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@dataclass(frozen=True)
class SlideText:
    title: str = ""
    notes: str = ""


def pptx_texts(source: Path) -> list[SlideText]:
    """Each slide's title and speaker notes, read with python-pptx ([] when unreadable)."""
    try:
        from pptx import Presentation

        deck = Presentation(str(source))
    except Exception:  # a damaged file: LibreOffice says more, or the PDF route does
        return []
    out: list[SlideText] = []
    for slide in deck.slides:
        title = ""
        with contextlib.suppress(Exception):
            shape = slide.shapes.title
            if shape is not None and shape.has_text_frame:
                title = shape.text_frame.text
        notes = ""
        if slide.has_notes_slide:
            with contextlib.suppress(Exception):
                frame = slide.notes_slide.notes_text_frame
                notes = frame.text if frame is not None else ""
        out.append(SlideText(_clean(title), notes.strip()))
    return out


# -- PDF pages ----------------------------------------------------------------------------------


def _clean(text: str) -> str:
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C" or c in "\n")
    text = " ".join(text.split())
    return text[:MAX_CAPTION].strip()


def fit(width: float, height: float, box: tuple[int, int] | None = None) -> tuple[int, int]:
    """The size a page of ``width`` x ``height`` points is rendered at: as large as fits the
    kiosk's screen in the page's orientation (``box``: the landscape box, for tests)."""
    land = box or LANDSCAPE
    w, h = (land[0], land[1]) if width >= height else (land[1], land[0])
    scale = min(w / width, h / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


MAX_TITLE_CHARS = 5000
"""Characters of a page read for its title (a page of fine print is not read to the end)."""


def page_title(page: Any) -> str:
    """The page's title: its line in the largest type (the first of equals), else ''."""
    import pypdfium2.raw as pdfium_c

    try:
        textpage = page.get_textpage()
    except Exception:
        return ""
    try:
        count = min(textpage.count_chars(), MAX_TITLE_CHARS)
        if count <= 0:
            return ""
        text = textpage.get_text_range(0, count)
        sizes: list[float] = []
        if len(text) == count:  # one character per index: sizes line up with the text
            sizes = [pdfium_c.FPDFText_GetFontSize(textpage.raw, i) for i in range(count)]
        best, best_size, start = "", -1.0, 0
        for i in range(len(text) + 1):
            if i < len(text) and text[i] not in "\r\n":
                continue
            line = _clean(text[start:i])
            size = max(sizes[start:i], default=0.0)
            if any(c.isalnum() for c in line) and size > best_size:
                best, best_size = line, size
            start = i + 1
        return best
    except Exception:
        return ""
    finally:
        textpage.close()


def _open_pdf(path: Path, shown: str) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        why = str(exc).split(":")[-1].strip() or "it cannot be read"
        raise DeckError(
            f"{shown}: not a readable PDF ({why}). Fix: export the deck as PDF again (a file "
            "cut short by a download or a USB stick cannot be read), then import it"
        ) from exc


def render_page(pdf: Any, index: int, out: Path, box: tuple[int, int] | None = None) -> str:
    """Render page ``index`` (0-based) to the PNG ``out``; returns its title."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        if width <= 0 or height <= 0:
            raise ValueError("the page has no size")
        w, _ = fit(width, height, box)
        bitmap = page.render(scale=w / width, draw_annots=True, may_draw_forms=True)
        try:
            # zlib's default level: a quarter smaller than level 1 (USB sticks, hashing), and
            # still several times pdftoppm's pages a second (benchmarks/sections/importers.py)
            bitmap.to_pil().save(out, "PNG", compress_level=6)
        finally:
            bitmap.close()
        return page_title(page)
    finally:
        page.close()


# -- the import ---------------------------------------------------------------------------------


def slide_id(stem: str, page: int) -> str:
    """``deck-<stem>-p03``, within the 40 characters of an id."""
    return f"deck-{stem[:26].strip('-') or 'deck'}-p{page:02d}"


def _language(text: str) -> str:
    return "ar" if _ARABIC.search(text) else "en"


def import_deck(
    project: Project,
    source: Path,
    entity_id: str,
    *,
    pages: str | Iterable[int] | None = None,
    attract: str | Iterable[int] | None = None,
    replace: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    box: tuple[int, int] | None = None,
) -> DeckResult:
    """Import ``source`` (PDF, PPTX, PPT, ODP or KEY) into ``entity_id``'s slides.

    The edits are pushed on ``project.history`` (one undo step per slide) and the media are
    in place; the caller saves. ``pages`` and ``attract`` are 1-based page numbers
    (``"1-12"``, ``"1,3"``). Raises :class:`DeckError` (nothing changed) or
    :class:`Cancelled` (nothing changed)."""
    file = entity_file(entity_id)
    if file not in project.docs:
        known = ", ".join(project.entity_ids) or "none"
        raise DeckError(
            f"{source.name}: the bundle has no entity '{entity_id}' (entities: {known}). "
            "Fix: give --entity one of them, or add the entity first"
        )
    if not source.is_file():
        raise DeckError(f"{source}: no such file. Fix: check the path")
    ext = source.suffix.lower()
    if ext != ".pdf" and ext not in CONVERTED:
        raise DeckError(
            f"{source.name}: '{ext or source.name}' is not a deck this importer reads. Fix: "
            "use a PDF, PPTX, PPT, ODP or KEY file"
        )
    stem = safe_stem(source.name) or "deck"
    result = DeckResult()
    entity_dir = project.root / "entities" / entity_id
    stage = project.root / STUDIO_IMPORT
    stage.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="deck-", dir=stage))
    try:
        texts: list[SlideText] = []
        pdf_path = source
        if ext in CONVERTED:
            if progress:
                progress("converting with LibreOffice", 0, 1)
            pdf_path = to_pdf(source, work)
            if ext == ".pptx":
                texts = pptx_texts(source)
        pdf = _open_pdf(pdf_path, source.name)
        try:
            total = len(pdf)
            result.pages = total
            if total == 0:
                raise DeckError(f"{source.name}: the PDF has no pages. Fix: export it again")
            wanted = _numbers(pages, total, "--pages")
            stars = set(_numbers(attract, total, "--attract")) if attract else set()
            existing = _slide_ids(project, file)
            clash = [slide_id(stem, n) for n in wanted if slide_id(stem, n) in existing]
            if clash and not replace:
                raise DeckError(
                    f"{source.name}: {entity_id} already has slides from this deck "
                    f"({', '.join(clash[:3])}{'…' if len(clash) > 3 else ''}). Fix: add "
                    "--replace to update them in place, or rename the file to import it again "
                    "as new slides"
                )
            rendered: list[tuple[int, Path, str]] = []
            for done, number in enumerate(wanted):
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if progress:
                    progress(f"page {number}", done, len(wanted))
                out = work / f"{slide_id(stem, number)}.png"
                try:
                    title = render_page(pdf, number - 1, out, box)
                except Exception as exc:  # PDFium or Pillow on one damaged page
                    result.failed.append(PageFailure(number, str(exc) or type(exc).__name__))
                    continue
                if number - 1 < len(texts) and texts[number - 1].title:
                    title = texts[number - 1].title
                rendered.append((number, out, title))
            if progress:
                progress("pages", len(wanted), len(wanted))
        finally:
            pdf.close()
        if cancelled is not None and cancelled():
            raise Cancelled()
        _apply(project, entity_id, stem, rendered, texts, stars, entity_dir, result)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        with contextlib.suppress(OSError):
            stage.rmdir()
    return result


def _numbers(value: str | Iterable[int] | None, total: int, what: str) -> list[int]:
    if value is None or isinstance(value, str):
        try:
            return parse_pages(value, total, what)
        except ValueError as exc:
            raise DeckError(str(exc)) from exc
    return parse_pages(",".join(str(n) for n in value), total, what)


def _slide_ids(project: Project, file: str) -> dict[str, int]:
    slides = lookup(project.document(file), ("slides",))
    out: dict[str, int] = {}
    for i, t in enumerate(slides if isinstance(slides, list) else []):
        if isinstance(t, dict) and isinstance(t.get("id"), str):
            out[str(t["id"])] = i
    return out


def _apply(
    project: Project,
    entity_id: str,
    stem: str,
    rendered: list[tuple[int, Path, str]],
    texts: list[SlideText],
    stars: set[int],
    entity_dir: Path,
    result: DeckResult,
) -> None:
    """Edit the manifest, then move the rendered pages in (after every page is done). An
    interrupt on the way (Ctrl+C) undoes the edits and removes the pages it brought in."""
    file = entity_file(entity_id)
    drafts = draft_marks(project.root)
    marks: dict[str, Draft | None] = {}
    start = project.history.index
    moves: list[tuple[Path, Path]] = []
    try:
        for number, png, title in rendered:
            sid = slide_id(stem, number)
            rel = f"slides/{sid}.png"
            moves.append((png, entity_dir / rel))
            _edit(project, file, sid, rel, title, texts, number, stars, drafts, marks, result)
        (entity_dir / "slides").mkdir(parents=True, exist_ok=True)
        brought: list[Path] = []
        try:
            for png, target in moves:
                new = not target.exists()
                png.replace(target)
                if new:
                    brought.append(target)
        except BaseException:
            for target in brought:
                target.unlink(missing_ok=True)
            raise
    except BaseException:
        while project.history.index > start and project.history.undo():
            pass
        raise
    if marks:
        mark_drafts(project.root, marks)
    for failure in result.failed:
        result.messages.append(
            f"page {failure.page} of the deck could not be rendered ({failure.why}); the other "
            "pages were imported. Fix: export the deck as PDF again, or import that page as a "
            "picture"
        )


def _edit(
    project: Project,
    file: str,
    sid: str,
    rel: str,
    title: str,
    texts: list[SlideText],
    number: int,
    stars: set[int],
    drafts: dict[str, Draft],
    marks: dict[str, Draft | None],
    result: DeckResult,
) -> None:
    """The manifest's edits for one page: a new slide, or an earlier import's updated."""
    existing = _slide_ids(project, file)
    notes = texts[number - 1].notes if number - 1 < len(texts) else ""
    if sid in existing:
        index = existing[sid]
        _update(project, file, index, rel, title, drafts, marks, number in stars, result)
        result.updated.append(sid)
    else:
        slide: dict[str, Any] = {"id": sid, "kind": "image", "image": rel}
        if title:
            slide["caption"] = {lang: title for lang in project.languages}
        if number in stars:
            slide["attract"] = True
        project.history.push(InsertItem(file, ("slides",), slide))
        index = _slide_ids(project, file)[sid]
        if title:
            key = stable_key(project, file, ("slides", index, "caption"))
            marks[key] = _draft(project, title)
            result.drafts += 1
        result.added.append(sid)
    if notes:
        _set_notes(project, file, index, notes)
        result.notes += 1


def _draft(project: Project, title: str) -> Draft:
    """``title`` written in every language: a draft in all but the one it is written in."""
    return Draft(_language(title), {lang: title for lang in project.languages})


def _update(
    project: Project,
    file: str,
    index: int,
    rel: str,
    title: str,
    drafts: dict[str, Draft],
    marks: dict[str, Draft | None],
    star: bool,
    result: DeckResult,
) -> None:
    """A slide imported before: its picture again, and its caption while no one changed the
    draft the last import wrote (an author's or translator's caption is kept)."""
    slide = lookup(project.document(file), ("slides", index))
    assert isinstance(slide, dict)
    if slide.get("kind") != "image":
        project.history.push(SetValue(file, ("slides", index, "kind"), "image"))
    if slide.get("image") != rel:
        project.history.push(SetValue(file, ("slides", index, "image"), rel))
    if star and slide.get("attract") is not True:
        project.history.push(SetValue(file, ("slides", index, "attract"), True))
    if not title:
        return
    key = stable_key(project, file, ("slides", index, "caption"))
    caption = slide.get("caption")
    current = {k: str(v) for k, v in caption.items()} if isinstance(caption, dict) else {}
    draft = drafts.get(key)
    if current and (draft is None or not draft.untouched(current)):
        return  # written by a person: kept
    for lang in project.languages:
        if current.get(lang) != title:
            project.history.push(SetText(file, ("slides", index, "caption"), lang, title))
    marks[key] = _draft(project, title)
    result.drafts += 1


def _set_notes(project: Project, file: str, index: int, notes: str) -> None:
    """Speaker notes as the slide's narration script, in the language they are written in."""
    lang = _language(notes)
    current = lookup(project.document(file), ("slides", index, "notes", lang))
    if current != notes:
        project.history.push(SetText(file, ("slides", index, "notes"), lang, notes[:4000]))
