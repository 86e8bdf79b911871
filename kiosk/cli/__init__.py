"""The ``kiosk`` command: a thin argparse front over the core, testable in-process.

``main(argv)`` returns the exit status instead of exiting, so tests call it directly.
"""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from . import admin, bundle, config, doctor, keys, report, stats

DESCRIPTION = """\
Qatar pavilion kiosk: run the visitor kiosk and manage its content.

examples:
  kiosk run --windowed                     # the kiosk on the sample bundle, in a window
  kiosk bundle validate assets/sample-bundle
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    from . import run

    run.add_parser(sub)
    bundle.add_parser(sub)
    stats.add_parser(sub)
    report.add_parser(sub)
    config.add_parser(sub)
    admin.add_parser(sub)
    doctor.add_parser(sub)
    keys.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except KeyboardInterrupt:
        print("kiosk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `kiosk stats | head`
        sys.stderr.close()
        return 0
    return status
