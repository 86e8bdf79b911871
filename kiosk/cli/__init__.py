"""The ``kiosk`` command: a thin argparse front over the core, testable in-process.

``main(argv)`` returns the exit status instead of exiting, so tests call it directly.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .. import PackageDataError, __version__

COMMANDS = (
    "run",
    "bundle",
    "stats",
    "report",
    "config",
    "admin",
    "doctor",
    "keys",
    "studio",
    "fleet",
)
"""Each is a module here with ``add_parser(sub)``; imported only when needed, so that
``kiosk run`` (the kiosk's start-up) does not pay for every staff command's imports."""

DESCRIPTION = """\
Qatar pavilion kiosk: run the visitor kiosk and manage its content.

examples:
  kiosk run --windowed                     # the kiosk on the sample bundle, in a window
  kiosk bundle validate kiosk/sample_bundle
  kiosk studio kiosk/sample_bundle         # edit a bundle in Kiosk Studio
"""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser for every command, or for ``only`` that one (a faster start)."""
    parser = argparse.ArgumentParser(
        prog="kiosk", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS if only not in COMMANDS else (only,):
        importlib.import_module(f"{__name__}.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    try:
        parser = build_parser(args_list[0] if args_list else None)
        args = parser.parse_args(args_list)
        status: int = args.func(args)
    except PackageDataError as exc:  # a zipped kiosk: no folder for the QML (kiosk.paths)
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kiosk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `kiosk stats | head`
        sys.stderr.close()
        return 0
    return status
