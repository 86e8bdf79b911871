"""``kiosk stats``: visitor statistics, exports and merging several kiosks' logs."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import TextIO

from ..analytics import Filter, export, export_per_entity, merge, read_status, summarize
from ..analytics.exchange import malformed
from ..analytics.schema import open_source
from ..analytics.stats import Summary
from ..settings import Settings
from ..terminal import printable
from .common import add_settings_arguments, settings

STATS_HELP = """\
A summary of visitor activity: sessions, session length, sessions per hour,
attention per entity, top slides, demo funnels, languages, idle timeouts.

example:
  kiosk stats --since 2015-11-25 --entity moi
  kiosk stats export --format csv -o visitors.csv
  kiosk stats export --format csv --per-entity exports/
  kiosk stats merge kiosk-a.db kiosk-b.db -o pavilion.db

The database is the kiosk's own, as kiosk run finds it: --db, else kiosk.db in
--data-dir, else db (or data_dir) in kiosk.toml (--config, else $KIOSK_CONFIG).
"""

EXPORT_HELP = """\
Export events to CSV (opens in Excel, Arabic included) or JSON lines.
--per-entity writes one file per entity, so each ministry gets only its own.

example:
  kiosk stats export --format csv -o visitors.csv --since 2015-11-25
  kiosk stats export --format jsonl --per-entity exports/
"""

MERGE_HELP = """\
Combine several kiosks' databases into one. Events keep their unique ids, so
running it again (or merging overlapping copies) adds no duplicates. The
sources are only read (they may be on read-only media), and one that holds
anything a kiosk does not write (a view, a trigger, another table) is refused.
Without -o they are merged into this kiosk's own database (--db, else as
kiosk run finds it through kiosk.toml).
Exit status: 0 all merged, 1 a source was refused or the output failed.

example:
  kiosk stats merge kiosk-a.db kiosk-b.db -o pavilion.db
  kiosk stats merge /media/usb/booth-2.db      # into this kiosk's database
"""


def _filters(p: argparse.ArgumentParser, *, sub: bool = False) -> None:
    # On a subcommand the options may also come before it (kiosk stats --db X export):
    # SUPPRESS keeps the subcommand from resetting what the parent already parsed.
    d = argparse.SUPPRESS if sub else None
    add_settings_arguments(p, sub=sub)
    p.add_argument("--since", default=d, help="from this date or time (UTC), e.g. 2015-11-25")
    p.add_argument("--until", default=d, help="before this date or time (UTC), e.g. 2015-11-26")
    p.add_argument("--entity", default=d, help="only this entity's id, e.g. moi")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fmt = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser(
        "stats",
        help="visitor statistics, exports, merging",
        description=STATS_HELP,
        formatter_class=fmt,
    )
    _filters(p)
    p.add_argument(
        "--raw",
        action="store_true",
        help="print Arabic in logical order (for terminals that do bidi themselves)",
    )
    p.set_defaults(func=cmd_stats)
    ssub = p.add_subparsers(dest="stats_cmd", metavar="COMMAND")

    e = ssub.add_parser(
        "export",
        help="export events to CSV or JSON lines",
        description=EXPORT_HELP,
        formatter_class=fmt,
    )
    _filters(e, sub=True)
    e.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    group = e.add_mutually_exclusive_group(required=True)
    group.add_argument("-o", "--output", type=Path, help="the file to write")
    group.add_argument("--per-entity", type=Path, metavar="DIR", help="one file per entity in DIR")
    e.set_defaults(func=cmd_export)

    m = ssub.add_parser(
        "merge", help="combine several kiosks' logs", description=MERGE_HELP, formatter_class=fmt
    )
    m.add_argument("sources", type=Path, nargs="+", help="databases to merge")
    m.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="the combined database, created if needed (default: the kiosk's own, see --db)",
    )
    add_settings_arguments(m, sub=True)
    m.set_defaults(func=cmd_merge)


def _err(text: str) -> None:
    print(printable(text), file=sys.stderr)


def _settings(args: argparse.Namespace) -> Settings:
    """kiosk.toml as kiosk run finds it, under this command's flags (resolved once)."""
    if not isinstance(getattr(args, "settings", None), Settings):
        args.settings = settings(args)
    resolved: Settings = args.settings
    return resolved


def _db(args: argparse.Namespace) -> Path:
    return _settings(args).db_path


def _open(args: argparse.Namespace) -> sqlite3.Connection | None:
    db = _db(args)
    if not db.is_file():
        _err(
            f"kiosk: no analytics database at {db}; pass --db PATH, or set db (or data_dir) in "
            f"{_settings(args).config_path} (a kiosk creates it when it runs)"
        )
        return None
    status = read_status(db)
    if status is not None and status.dead:
        _err(
            f"ERROR: the kiosk's event writer has stopped (since {status.since}): "
            f"{status.last_error}. "
            f"No events are being saved ({status.dropped} dropped)."
        )
    elif status is not None:
        _err(
            f"WARNING: the kiosk could not write events since {status.since}: {status.last_error}. "
            f"{status.pending} waiting, {status.dropped} dropped. "
            "Free disk space or check the database."
        )
    try:
        return open_source(db)  # read-only: a copy on a USB stick, or the kiosk's own, live
    except (sqlite3.Error, OSError) as exc:
        _err(_cannot_read(db, exc))
        return None


def _cannot_read(db: Path, exc: BaseException) -> str:
    if isinstance(exc, sqlite3.DataError):
        return (
            f"kiosk: cannot read {db}: it holds a value larger than 16 MB, which no kiosk "
            "writes; it is damaged or not a kiosk's database"
        )
    text = str(exc)
    return text if str(db) in text else f"kiosk: cannot read {db}: {text}"


def _malformed(conn: sqlite3.Connection, out: TextIO) -> None:
    n = malformed(conn)
    if n:
        print(
            f"Malformed events left out: {n} (a value of the wrong type, bad JSON, or an entity "
            "id that is not a bundle id); the database was damaged or edited.",
            file=out,
        )


def _filter(args: argparse.Namespace) -> Filter:
    return Filter(args.since, args.until, args.entity)


def visual(text: str, out: TextIO, raw: bool) -> str:
    """Arabic for a terminal without bidi: shaped and in visual order; logical otherwise.

    Only for terminals: anything written to a file or a pipe stays in logical order,
    and Qt never sees this (it shapes Arabic itself).
    """
    if raw or not out.isatty() or not any("\u0600" <= c <= "\u06ff" for c in text):
        return text
    import arabic_reshaper
    from bidi.algorithm import get_display

    return str(get_display(arabic_reshaper.reshape(text)))


def print_summary(s: Summary, out: TextIO, raw: bool) -> None:
    """The summary; every text from the database is escaped (:func:`printable`) first."""
    p = printable

    def w(line: str = "") -> None:
        print(line, file=out)

    w(
        f"Events: {s.events}   Sessions: {s.sessions}   "
        f"Session length: median {s.median_s:.0f} s, p90 {s.p90_s:.0f} s   "
        f"Idle timeouts: {s.idle_timeouts}"
    )
    if s.malformed:
        w(
            f"Malformed events left out: {s.malformed} (a value of the wrong type, bad JSON, or an "
            "entity id that is not a bundle id); the database was damaged or edited."
        )
    if not s.sessions:
        w("No visitor sessions in this period.")
        return
    w()
    w("Sessions per hour (local time)")
    peak = max(n for _h, n in s.per_hour)
    for hour, n in s.per_hour:
        w(f"  {p(hour)}:00  {n:5d}  {'#' * max(1, round(30 * n / peak))}")
    w()
    w("Entities: page views and dwell time")
    for e in s.entities:
        w(
            f"  {p(e.entity):<8} {e.views:6d} views {e.dwell_s / 60:8.1f} min   "
            f"{p(e.name_en)}  |  {visual(p(e.name_ar), out, raw)}"
        )
    w()
    w("Top slides")
    for sl in s.slides:
        w(f"  {p(sl.entity):<8} {p(sl.slide):<28} {sl.shows:6d} shows {sl.seconds / 60:7.1f} min")
    w()
    w("Demo funnels, in sessions: started → each step → completed (abandoned)")
    for f in s.funnels:
        steps = " → ".join(f"{n}" for _st, n in f.steps)
        w(
            f"  {p(f.entity)}/{p(f.demo)}: {f.started} → {steps} → {f.completed} done "
            f"({f.abandoned} abandoned)"
        )
    w()
    w(
        "Languages (sessions that used each): "
        + ", ".join(f"{p(lang)} {n}" for lang, n in s.languages)
    )
    w("How sessions ended: " + ", ".join(f"{p(r)} {n}" for r, n in s.end_reasons))
    if s.feedback:
        w("Ratings (1 unhappy - 3 happy): " + ", ".join(f"{r}: {n}" for r, n in s.feedback))
    w(f"Taps that missed a demo hotspot: {s.hotspot_misses}")
    for entity, slide, n in s.video_errors:
        w(
            f"A video did not play and was skipped ({n}x): entities/{p(entity)}/entity.toml, "
            f"slide '{p(slide)}', field 'video'. Fix: check it with kiosk bundle validate, "
            "and re-encode it from the original (MP4, H.264)."
        )


def cmd_stats(args: argparse.Namespace) -> int:
    conn = _open(args)
    if conn is None:
        return 1
    try:
        summary = summarize(conn, _filter(args))
    except sqlite3.Error as exc:
        _err(_cannot_read(_db(args), exc))
        return 1
    finally:
        conn.close()
    print_summary(summary, sys.stdout, args.raw)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    conn = _open(args)
    if conn is None:
        return 1
    try:
        if args.per_entity:
            results = export_per_entity(conn, args.per_entity, args.format, _filter(args))
            done = list(results.values())
        else:
            done = [export(conn, args.output, args.format, _filter(args))]
        for result in done:
            print(printable(f"{result.path}: {result.events} events"))
        skipped = sum(r.skipped for r in done)
        if skipped:
            print(f"Events that could not be written as JSON, left out: {skipped}")
        _malformed(conn, sys.stdout)
    except BrokenPipeError:
        raise
    except sqlite3.Error as exc:
        _err(_cannot_read(_db(args), exc))
        return 1
    except OSError as exc:
        _err(
            f"kiosk: cannot write the export ({exc.strerror or exc}); "
            "check the folder and free space"
        )
        return 1
    finally:
        conn.close()
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    if args.output is None:
        args.output = _db(args)
    missing = [str(p) for p in args.sources if not p.is_file()]
    if missing:
        _err(f"kiosk: no such database: {', '.join(missing)}")
        return 1
    try:
        result = merge(args.sources, args.output)
    except (sqlite3.Error, OSError) as exc:
        text = str(exc)
        _err(
            text if str(args.output) in text else f"kiosk: cannot merge into {args.output}: {text}"
        )
        return 1
    for _src, reason in result.refused:
        _err(f"kiosk: not merged: {reason}")
    print(printable(f"{args.output}: {result.added} events added, {result.already} already there"))
    if result.rejected:
        print(
            f"Malformed rows left out: {result.rejected} (a value of the wrong type, bad JSON, "
            "or an entity id that is not a bundle id)"
        )
    return 1 if result.refused else 0
