"""``kiosk report``: the staff report as one self-contained HTML file."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from ..paths import SAMPLE_BUNDLE
from ..terminal import printable
from .common import add_settings_arguments, settings

REPORT_HELP = """\
Write the visitor report: one HTML file that opens in any browser without a
network and prints well (key figures, sessions per hour, attention per entity,
demo funnels, languages, ratings and tap heat maps on the demo screenshots).
Entity names, demo titles and screenshots come from the bundle (default: the
kiosk's active bundle, else the sample). The database and the bundle store are
the kiosk's own, found as kiosk run finds them: --db / --data-dir, else db and
data_dir in kiosk.toml (--config, else $KIOSK_CONFIG). Dates are UTC; --until is exclusive. \
Exit status: 0 written, 1 no database or unreadable, 2 usage.

example:
  kiosk report -o report.html
  kiosk report -o report-en.html --lang en --db kiosk.db --since 2015-11-25 --until 2015-11-26
  kiosk report -o mict.html --entity mict
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report",
        help="write the visitor report (HTML)",
        description=REPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("-o", "--output", type=Path, required=True, help="the .html file to write")
    p.add_argument(
        "--lang", choices=("ar", "en"), default="ar", help="report language (default: ar)"
    )
    add_settings_arguments(p)
    p.add_argument(
        "--bundle",
        type=Path,
        default=None,
        help=(
            "bundle folder for names and screenshots (default: the kiosk's active bundle, "
            "else the sample bundle)"
        ),
    )
    p.add_argument(
        "--since",
        type=when,
        metavar="DATE",
        help="first day or time to include, e.g. 2015-11-25 or 2015-11-25T09:00",
    )
    p.add_argument(
        "--until", type=when, metavar="DATE", help="first day or time to leave out (exclusive)"
    )
    p.add_argument(
        "--entity", metavar="ID", help="only sessions that visited this entity (its id, e.g. mict)"
    )
    p.set_defaults(func=cmd_report)


def when(text: str) -> str:
    """An ISO date or date-time as compared with the log's ``wall_utc`` (UTC, ``...T...Z``)."""
    text = text.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC)"
        ) from None
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file next to ``path``, then replace ``path`` with it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0o022)
    os.umask(umask)
    try:
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes it private; a report is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_report(args: argparse.Namespace) -> int:
    from ..analytics.report import render_report
    from ..analytics.schema import open_source
    from ..analytics.stats import Filter, names
    from ..bundle import BundleError, load
    from ..store import BundleStore

    resolved = settings(args)
    db = resolved.db_path
    if not db.is_file():
        print(
            f"kiosk: no analytics database at {db}; give the right one with --db PATH, or set "
            f"db (or data_dir) in {resolved.config_path}",
            file=sys.stderr,
        )
        return 1
    source: Path = args.bundle or BundleStore(resolved.data_dir).active_path() or SAMPLE_BUNDLE
    try:
        bundle = load(source)
    except (BundleError, OSError) as exc:
        print(f"kiosk: cannot load the bundle {source}: {exc}", file=sys.stderr)
        print(f"       check it with: kiosk bundle validate {source}", file=sys.stderr)
        return 1
    try:
        conn = open_source(db)  # read-only, never migrated: a copy may be on a USB stick
    except (sqlite3.Error, OSError) as exc:
        text = str(exc)
        print(
            printable(text if str(db) in text else f"kiosk: cannot read {db}: {text}"),
            file=sys.stderr,
        )
        return 1
    try:
        known = {e.id for e in bundle.entities} | set(names(conn))
        if args.entity and args.entity not in known:
            print(
                printable(
                    f"kiosk: no entity {args.entity!r}; the ids are: {', '.join(sorted(known))}"
                ),
                file=sys.stderr,
            )
            return 2
        html = render_report(conn, bundle, args.lang, Filter(args.since, args.until, args.entity))
    except sqlite3.Error as exc:
        print(printable(f"kiosk: cannot read {db}: {exc}"), file=sys.stderr)
        return 1
    finally:
        conn.close()
    try:
        write_atomically(args.output, html)
    except OSError as exc:
        print(f"kiosk: cannot write {args.output}: {exc}", file=sys.stderr)
        return 1
    print(
        f"Wrote {args.output} ({len(html.encode('utf-8')) // 1024} KB); "
        "open it in a browser or print it."
    )
    return 0
