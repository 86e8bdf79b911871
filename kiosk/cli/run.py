"""``kiosk run``: the visitor kiosk."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from .common import add_settings_arguments

RUN_HELP = """\
Run the visitor kiosk: fullscreen, frameless, cursor hidden (kiosk mode).
Without --bundle it shows the active bundle of the kiosk's bundle store (see
'kiosk bundle install'), and follows it when staff install a new one; with no
bundle installed it shows the sample bundle that ships in the package
(kiosk/sample_bundle). A --bundle folder is checked first as 'kiosk bundle
validate' checks it (Qt's decoding aside): one with errors is refused, every
error listed with its file, field and fix; its warnings go to the log.

example:
  kiosk run --windowed --lang en
  kiosk run --bundle /media/usb/pavilion-day2 --trace /tmp/kiosk-trace.jsonl
  kiosk run --db /var/lib/kiosk/booth-2.db --kiosk-id booth-2
  kiosk run --metrics 127.0.0.1:9464       # Prometheus /metrics (docs/deploy.md)
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "run",
        help="run the visitor kiosk",
        description=RUN_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_run_arguments(p)
    p.set_defaults(func=cmd_run)


def add_run_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--bundle",
        type=Path,
        default=None,
        help="bundle folder to show, fixed (default: the store's active bundle, else the sample)",
    )
    p.add_argument("--lang", choices=["ar", "en"], help="start language (default: the bundle's)")
    p.add_argument(
        "--windowed",
        action="store_true",
        help="a normal window with a cursor, for development (not kiosk mode)",
    )
    p.add_argument(
        "--screen",
        type=int,
        default=None,
        metavar="N",
        help="screen to use (default: screen in kiosk.toml, else 0)",
    )
    add_settings_arguments(p)
    p.add_argument(
        "--kiosk-id",
        default=None,
        metavar="ID",
        type=kiosk_id,
        help="this kiosk's name in the analytics (default: the host name)",
    )
    p.add_argument(
        "--metrics",
        default=None,
        metavar="HOST:PORT",
        type=listen_address,
        help="serve Prometheus /metrics here (default: [metrics] listen in kiosk.toml, else "
        "off); a network address needs [metrics] allow in kiosk.toml (docs/deploy.md)",
    )
    p.add_argument(
        "--trace",
        type=Path,
        default=os.environ.get("KIOSK_TRACE") or None,
        metavar="FILE",
        help="append JSON-lines timing marks to FILE (or set KIOSK_TRACE)",
    )


def kiosk_id(text: str) -> str:
    """``--kiosk-id``: the rule of ``kiosk_id`` in kiosk.toml, matched on the whole text (a
    trailing newline or a control character would reach every event and every export)."""
    from ..config import KIOSK_ID

    if KIOSK_ID.fullmatch(text):
        return text
    raise argparse.ArgumentTypeError(
        f"{text!r} is not a usable kiosk id: use letters, digits, '.', '_' or '-' (at most 64, "
        "starting with a letter or digit), e.g. booth-1"
    )


def listen_address(text: str) -> str:
    """``--metrics``: HOST:PORT, checked before any window opens."""
    from ..metrics import parse_listen

    try:
        parse_listen(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def cmd_run(args: argparse.Namespace) -> int:
    import gc
    import sys

    from ..display import NO_DISPLAY_EXIT, display_problem

    problem = display_problem(os.environ)
    if problem is not None:  # before Qt, whose own message says to reinstall
        print(problem, file=sys.stderr)
        return NO_DISPLAY_EXIT

    # Start-up allocates a great deal and frees little, which the cyclic garbage collector
    # would scan over and over before the first frame (figures: benchmarks/README.md, "Figures
    # behind the code's choices"). It is off from here; once the kiosk is built,
    # kiosk.qt.collector collects on the GUI thread only.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from ..qt.app import run  # Qt is imported only when the kiosk really runs

        return run(args)
    finally:
        if collecting:
            gc.enable()
