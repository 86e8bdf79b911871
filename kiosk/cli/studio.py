"""``kiosk studio [DIR|FILE.zip]``: Kiosk Studio, the staff's editor for bundles."""

from __future__ import annotations

import argparse
from pathlib import Path

STUDIO_HELP = """\
Open Kiosk Studio, a desktop window where staff edit a bundle's texts in Arabic
and English side by side, with undo, autosave and a live list of problems.
Without a bundle it starts on "New bundle…", "Open folder…" and the recent
bundles. A .zip is unpacked into an empty folder you choose. Nothing on disk
changes until you save (docs/studio.md).

example:
  kiosk studio kiosk/sample_bundle
  kiosk studio --language ar ~/bundles/pavilion-2027
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "studio",
        help="edit a bundle in Kiosk Studio (a desktop window)",
        description=STUDIO_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("bundle", nargs="?", type=Path, help="a bundle folder or .zip to open")
    p.add_argument(
        "--language", choices=("ar", "en"), help="the Studio's own language (default: last used)"
    )
    p.set_defaults(func=cmd_studio)


def cmd_studio(args: argparse.Namespace) -> int:
    from ..qt.studio.app import run

    return run(args.bundle, args.language)
