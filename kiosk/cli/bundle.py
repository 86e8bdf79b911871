"""``kiosk bundle ...``: validate, init and pack asset bundles."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from ..bundle import MediaInspector, Report, init, pack, validate
from ..bundle.problems import Problem
from .progress import ProgressBar

VALIDATE_HELP = """\
Check a bundle folder or .zip and list every problem at once, each with the
file, the field and how to fix it. Exit status: 0 valid, 1 not valid, 2 usage.

example:
  kiosk bundle validate assets/sample-bundle
  kiosk bundle validate pavilion-day2.zip --json > report.json
"""

INIT_HELP = """\
Write a minimal bundle that validates, as a starting point: one entity with a
text slide, an image slide and a one-screen demo, plus the fonts.

example:
  kiosk bundle init my-pavilion && kiosk bundle validate my-pavilion
"""

PACK_HELP = """\
Validate a bundle folder and pack it into one .zip with the SHA-256 and size of
every file, so that a copy can be verified. Refuses a bundle with errors.

example:
  kiosk bundle pack assets/sample-bundle -o pavilion-1.0.0.zip
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fmt = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser("bundle", help="validate, create and pack asset bundles")
    bsub = p.add_subparsers(dest="bundle_cmd", required=True, metavar="COMMAND")

    v = bsub.add_parser(
        "validate", help="check a bundle", description=VALIDATE_HELP, formatter_class=fmt
    )
    v.add_argument("path", type=Path, help="bundle folder or .zip")
    v.add_argument("--json", action="store_true", help="print the report as JSON")
    v.add_argument(
        "--no-decode",
        action="store_true",
        help="skip full decoding of images, videos and fonts (structure is still checked)",
    )
    v.set_defaults(func=cmd_validate)

    i = bsub.add_parser(
        "init", help="start a new bundle", description=INIT_HELP, formatter_class=fmt
    )
    i.add_argument("dir", type=Path, help="folder to create (must be empty or absent)")
    i.add_argument("--id", default="my-bundle", help="bundle id (default: my-bundle)")
    i.set_defaults(func=cmd_init)

    k = bsub.add_parser(
        "pack", help="pack a bundle into a .zip", description=PACK_HELP, formatter_class=fmt
    )
    k.add_argument("dir", type=Path, help="bundle folder")
    k.add_argument("-o", "--output", type=Path, required=True, help="the .zip to write")
    k.set_defaults(func=cmd_pack)


def _inspector(decode: bool = True) -> MediaInspector | None:
    if not decode:
        return None
    from ..qt.inspector import QtInspector  # Qt only where full decoding is wanted

    return QtInspector()


def _print_problem(p: Problem, out: TextIO) -> None:
    label = "ERROR  " if p.severity == "error" else "WARNING"
    print(f"{label} {p.location()}", file=out)
    print(f"        {p.message}", file=out)
    print(f"        fix: {p.fix}", file=out)


def print_report(report: Report, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    for p in report.errors + report.warnings:
        _print_problem(p, out)
    ne, nw = len(report.errors), len(report.warnings)
    verdict = "is valid" if report.ok else "is NOT valid"
    print(
        f"{report.source} {verdict}: {ne} error{'s' * (ne != 1)}, {nw} warning{'s' * (nw != 1)}",
        file=out,
    )


def cmd_validate(args: argparse.Namespace) -> int:
    bar = ProgressBar()
    try:
        report = validate(args.path, _inspector(not args.no_decode), progress=bar)
    finally:
        bar.close()
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report)
    return 0 if report.ok else 1


def cmd_init(args: argparse.Namespace) -> int:
    try:
        init(args.dir, args.id)
    except FileExistsError:
        print(f"kiosk: {args.dir} is not empty; choose a new folder", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    print(f"Created {args.dir}. Edit bundle.toml and entities/example/entity.toml, then run:")
    print(f"  kiosk bundle validate {args.dir}")
    return 0


def cmd_pack(args: argparse.Namespace) -> int:
    bar = ProgressBar()
    try:
        report = pack(args.dir, args.output, _inspector(), progress=bar)
    finally:
        bar.close()
    if not report.ok:
        print_report(report)
        print("Nothing was written: fix the errors above and pack again.")
        return 1
    for p in report.warnings:
        _print_problem(p, sys.stdout)
    print(f"Packed {args.dir} into {args.output}")
    return 0
