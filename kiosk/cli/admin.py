"""``kiosk admin ...``: the staff PIN and its lockout, from a shell on the kiosk."""

from __future__ import annotations

import argparse
import getpass
import sys

from ..admin import PinError, PinLock, hash_pin, normalize_pin, pin_problem
from ..bundle.problems import Severity
from ..config import set_value
from ..settings import resolve
from .common import add_settings_arguments, settings
from .config import print_problems

ADMIN_HELP = """\
The admin panel opens with a staff PIN. Set it here; after 5 wrong PINs the PIN
pad locks (30 s, doubling, at most 1 h), across restarts, until the right PIN or
'kiosk admin unlock'.

example:
  kiosk admin set-pin
  kiosk admin unlock
"""

SET_PIN_HELP = """\
Ask for a new admin PIN (4 to 8 digits) twice and store it in kiosk.toml as a
salted scrypt hash ([admin] pin_hash). The file's comments are kept; it is made
readable by its owner only. Run it as the user the kiosk runs as.

example:
  kiosk admin set-pin
  sudo -u kiosk /opt/kiosk/.venv/bin/kiosk admin set-pin
"""

UNLOCK_HELP = """\
Clear the wrong-PIN count and any lockout of the admin PIN pad (kept in the
kiosk's data folder: --data-dir, else data_dir in kiosk.toml). A running kiosk
sees it at the next PIN entered.

example:
  kiosk admin unlock --config /etc/kiosk/kiosk.toml
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fmt = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser(
        "admin",
        help="set the admin PIN, clear a PIN lockout",
        description=ADMIN_HELP,
        formatter_class=fmt,
    )
    asub = p.add_subparsers(dest="admin_cmd", required=True, metavar="COMMAND")

    s = asub.add_parser(
        "set-pin", help="set the admin PIN", description=SET_PIN_HELP, formatter_class=fmt
    )
    add_settings_arguments(s, db=False)
    s.set_defaults(func=cmd_set_pin)

    u = asub.add_parser(
        "unlock", help="clear a PIN lockout", description=UNLOCK_HELP, formatter_class=fmt
    )
    add_settings_arguments(u, db=False)
    u.set_defaults(func=cmd_unlock)


def cmd_set_pin(args: argparse.Namespace) -> int:
    path = settings(args, report=False).config_path
    try:
        pin = getpass.getpass("New admin PIN (4 to 8 digits): ")
        problem = pin_problem(pin)
        if problem:
            print(f"kiosk: {problem}; nothing was changed", file=sys.stderr)
            return 1
        again = getpass.getpass("The same PIN again: ")
    except EOFError:
        print("\nkiosk: no PIN entered; nothing was changed", file=sys.stderr)
        return 1
    if normalize_pin(again) != normalize_pin(pin):
        print("kiosk: the two PINs differ; nothing was changed", file=sys.stderr)
        return 1
    try:
        set_value(path, "admin", "pin_hash", hash_pin(pin), private=True)
    except (ValueError, PinError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kiosk: cannot write {path} ({exc.strerror})", file=sys.stderr)
        return 1
    resolved = resolve(path, args.data_dir)  # read again: the file has just changed
    print(f"The admin PIN is set in {path}.")
    if len(normalize_pin(pin)) < 6:
        print("Tip: 6 or more digits are much harder to guess than 4.")
    lock = PinLock.in_data_dir(resolved.data_dir)
    if lock.locked_for() > 0:
        print("The PIN pad is locked after wrong PINs; clear it with: kiosk admin unlock")
    if any(p.severity is Severity.ERROR for p in resolved.problems):
        print(f"Note: {path} has other problems; see: kiosk config check", file=sys.stderr)
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    resolved = settings(args, report=False)
    path = resolved.config_path
    errors = [p for p in resolved.problems if p.severity is Severity.ERROR]
    if errors:
        print_problems(errors, sys.stderr)
        print(f"kiosk: {path} has problems; using the defaults for those settings", file=sys.stderr)
    lock = PinLock.in_data_dir(resolved.data_dir)
    state = lock.state()
    left = lock.locked_for(state)
    try:
        had = lock.unlock()
    except OSError as exc:
        print(f"kiosk: cannot remove {lock.path} ({exc.strerror})", file=sys.stderr)
        return 1
    if not had:
        print("The PIN pad was not locked; nothing to clear.")
    elif left > 0:
        print(
            f"Cleared: the PIN pad was locked for {left:.0f} s more after "
            f"{state.failures} wrong PINs."
        )
    else:
        print(f"Cleared the count of {state.failures} wrong PIN(s).")
    return 0
