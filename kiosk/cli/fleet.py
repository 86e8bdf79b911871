"""``kiosk fleet status``: one line per kiosk, from each kiosk's /metrics."""

from __future__ import annotations

import argparse

from ..terminal import printable
from .common import add_settings_arguments, settings

FLEET_HELP = """\
Ask each kiosk's /metrics (see 'kiosk run --metrics' and docs/deploy.md, "Fleet
health") and print one line per kiosk: up or down, the bundle it shows, visitors
today, how long ago it drew a frame, its free disk space, and what needs attention
(down, no frame for 30 s, the event writer failing, under 1 GB free, a bundle
version other than the rest of the fleet's). Without addresses it asks the
kiosks listed in kiosk.toml: [fleet] kiosks = ["10.20.0.11:9464", ...]. Each
kiosk must allow this machine: [metrics] allow in that kiosk's kiosk.toml.
Exit status: 0 every kiosk is fine, 1 one needs attention, 2 no kiosk to ask.

example:
  kiosk fleet status 10.20.0.11:9464 10.20.0.12:9464
  kiosk fleet status --config /etc/kiosk/fleet.toml
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "fleet",
        help="the kiosks' health, from their /metrics",
        description=FLEET_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    fsub = p.add_subparsers(dest="fleet_cmd", required=True, metavar="COMMAND")
    s = fsub.add_parser(
        "status",
        help="one line per kiosk; exit status 1 when one needs attention",
        description=FLEET_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("kiosks", nargs="*", metavar="HOST:PORT", help="kiosks to ask")
    s.add_argument(
        "--timeout", type=float, default=3.0, metavar="S", help="seconds per kiosk (default 3)"
    )
    add_settings_arguments(s, data_dir=False, db=False)
    s.set_defaults(func=cmd_status)


def cmd_status(args: argparse.Namespace) -> int:
    import asyncio
    import sys

    from ..fleet import gather, table

    addresses = list(args.kiosks)
    if not addresses:
        cfg = settings(args).config
        addresses = list(cfg.fleet)
        if not addresses:
            print(
                f"kiosk fleet status: no kiosks to ask. Fix: name them (kiosk fleet status "
                f"10.20.0.11:9464 ...), or list them in {cfg.path}: "
                '[fleet] kiosks = ["10.20.0.11:9464"]',
                file=sys.stderr,
            )
            return 2
    kiosks = asyncio.run(gather(addresses, args.timeout))
    for line in table(kiosks):
        print(printable(line))
    bad = sum(bool(k.problems) for k in kiosks)
    if bad:
        print(f"{bad} of {len(kiosks)} kiosk(s) need attention.")
    else:
        print(f"All {len(kiosks)} kiosk(s) fine.")
    return 1 if bad else 0
