"""``kiosk keys new``: a key pair for signing bundles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..store import new_keypair

KEYS_HELP = """\
Make an Ed25519 key pair for signing bundles. Keep the .key file off the kiosks
(it signs); put the public key (the .pub text) into each kiosk's kiosk.toml
under trusted_keys, and kiosks then refuse bundles it did not sign.

example:
  kiosk keys new keys/
  kiosk bundle pack kiosk/sample_bundle -o pavilion.zip --sign keys/kiosk-signing.key
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "keys",
        help="signing keys for bundles",
        description=KEYS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ksub = p.add_subparsers(dest="keys_cmd", required=True, metavar="COMMAND")
    n = ksub.add_parser(
        "new",
        help="make a key pair",
        description=KEYS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    n.add_argument("dir", type=Path, help="folder for the key files")
    n.add_argument("--name", default="kiosk-signing", help="file name stem (default kiosk-signing)")
    n.set_defaults(func=cmd_new)


def cmd_new(args: argparse.Namespace) -> int:
    try:
        private, public = new_keypair(args.dir, args.name)
    except FileExistsError:
        print(
            f"kiosk: {args.dir / (args.name + '.key')} exists; choose another --name",
            file=sys.stderr,
        )
        return 2
    print(f"Private key: {private} (keep it safe, off the kiosks)")
    print(f"Public key (for trusted_keys in kiosk.toml): {public}")
    return 0
