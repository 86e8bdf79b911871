"""``kiosk config ...``: check, show and start the kiosk's settings file (kiosk.toml)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from ..bundle.problems import Problem, Severity
from ..config import ENV_VAR, dump_config, write_example
from .common import add_settings_arguments, settings

CONFIG_HELP = f"""\
The kiosk's own settings live in kiosk.toml: kiosk id, data folder, drop folders,
idle times, admin PIN hash, trusted keys, language, screen, auto-apply.
The file is --config PATH, else ${ENV_VAR}, else kiosk.toml in the data folder
(~/.local/share/qatar-kiosk, or $XDG_DATA_HOME/qatar-kiosk). Reference: docs/config.md.

example:
  kiosk config init && kiosk config check
  kiosk config show --config /etc/kiosk/kiosk.toml
"""

CHECK_HELP = """\
Check kiosk.toml and list every problem at once, each with the field and how to
fix it. A missing file is fine (every setting has a default).
Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage.

example:
  kiosk config check
  kiosk config check --config /etc/kiosk/kiosk.toml
"""

SHOW_HELP = """\
Print the settings the kiosk will use: the file's values over the defaults
(a wrong value is replaced by its default, and noted on stderr), and --data-dir
and --db over both, as kiosk run and every staff command would resolve them.
The PIN hash is not shown.

example:
  kiosk config show
  kiosk config show --data-dir /srv/kiosk-test    # where that folder puts the database
"""

INIT_HELP = """\
Write a commented example kiosk.toml to PATH (default: the config path, see
'kiosk config --help'). Refuses to overwrite an existing file.

example:
  kiosk config init
  kiosk config init /etc/kiosk/kiosk.toml && export KIOSK_CONFIG=/etc/kiosk/kiosk.toml
"""


def add_config_option(p: argparse.ArgumentParser) -> None:
    """``--config`` alone (the commands that read kiosk.toml but no other file of the kiosk)."""
    add_settings_arguments(p, data_dir=False, db=False)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fmt = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser(
        "config",
        help="check and show the kiosk's settings (kiosk.toml)",
        description=CONFIG_HELP,
        formatter_class=fmt,
    )
    csub = p.add_subparsers(dest="config_cmd", required=True, metavar="COMMAND")

    c = csub.add_parser(
        "check", help="check kiosk.toml", description=CHECK_HELP, formatter_class=fmt
    )
    add_config_option(c)
    c.set_defaults(func=cmd_check)

    s = csub.add_parser(
        "show", help="print the effective settings", description=SHOW_HELP, formatter_class=fmt
    )
    add_settings_arguments(s)
    s.set_defaults(func=cmd_show)

    i = csub.add_parser(
        "init",
        help="write a commented example kiosk.toml",
        description=INIT_HELP,
        formatter_class=fmt,
    )
    i.add_argument(
        "path",
        type=Path,
        nargs="?",
        default=None,
        metavar="PATH",
        help="where to write it (default: the config path)",
    )
    add_config_option(i)
    i.set_defaults(func=cmd_init)


def print_problems(problems: list[Problem], out: TextIO) -> None:
    for p in sorted(problems, key=lambda p: (p.severity is not Severity.ERROR, p.field)):
        label = "ERROR  " if p.severity is Severity.ERROR else "WARNING"
        print(f"{label} {p.location()}", file=out)
        print(f"        {p.message}", file=out)
        print(f"        fix: {p.fix}", file=out)


def _counts(problems: list[Problem]) -> str:
    ne = sum(p.severity is Severity.ERROR for p in problems)
    nw = len(problems) - ne
    return f"{ne} error{'s' * (ne != 1)}, {nw} warning{'s' * (nw != 1)}"


def cmd_check(args: argparse.Namespace) -> int:
    resolved = settings(args, report=False)
    path, cfg, problems = resolved.config_path, resolved.config, list(resolved.problems)
    print_problems(problems, sys.stdout)
    errors = any(p.severity is Severity.ERROR for p in problems)
    if not path.exists():
        print(f"{path} does not exist: every setting has its default.")
        print(f"Write a commented example with: kiosk config init {path}")
    elif errors:
        print(
            f"{path} has problems: {_counts(problems)}. Until they are fixed, the kiosk "
            "uses the default for each wrong setting."
        )
    else:
        print(f"{path} is valid: {_counts(problems)}")
    if cfg.pin_hash is None and not errors:
        print(
            "Note: no admin PIN is set, so the admin panel cannot be opened. "
            "Set one with: kiosk admin set-pin"
        )
    return 1 if errors else 0


def cmd_show(args: argparse.Namespace) -> int:
    resolved = settings(args, report=False)
    path, problems = resolved.config_path, list(resolved.problems)
    sys.stdout.write(
        dump_config(replace(resolved.config, data_dir=resolved.data_dir, db=resolved.db_path))
    )
    if problems:
        print(
            f"kiosk: {path} has problems ({_counts(problems)}); defaults are shown in place "
            "of wrong values. See: kiosk config check",
            file=sys.stderr,
        )
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    path = args.path or settings(args, report=False).config_path
    try:
        write_example(path)
    except FileExistsError:
        print(f"kiosk: {path} already exists; edit it, or choose another PATH", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"kiosk: cannot write {path} ({exc.strerror})", file=sys.stderr)
        return 2
    print(f"Wrote {path}. Edit it, then check it with:")
    print(f"  kiosk config check --config {path}")
    return 0
