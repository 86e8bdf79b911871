"""The options every staff command shares, and the one way they are resolved.

``--config``, ``--data-dir`` and ``--db`` mean the same thing on every command, with the
same help text, and go through :func:`kiosk.settings.resolve` exactly as ``kiosk run``
does: ``--config``, else ``$KIOSK_CONFIG``, else kiosk.toml in the platform data folder;
then the flags over the file's ``data_dir`` and ``db`` over the defaults.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import ENV_VAR
from ..settings import Settings, resolve
from ..terminal import printable

CONFIG_HELP = f"kiosk.toml (default: ${ENV_VAR}, else kiosk.toml in the platform data folder)"
DATA_DIR_HELP = (
    "the kiosk's data folder: bundle store, PIN lockout, and kiosk.db unless --db is given "
    "(default: data_dir in kiosk.toml, else ~/.local/share/qatar-kiosk)"
)
DB_HELP = (
    "the kiosk's analytics database (default: kiosk.db in --data-dir if given, else db in "
    "kiosk.toml, else kiosk.db in its data_dir)"
)


def add_settings_arguments(
    p: argparse.ArgumentParser, *, data_dir: bool = True, db: bool = True, sub: bool = False
) -> None:
    """``--config`` and (unless turned off) ``--data-dir`` and ``--db`` on ``p``.

    ``sub``: ``p`` is a subcommand whose parent has the same options, so they may also come
    before it (``kiosk stats --db X export``); SUPPRESS keeps the subcommand from resetting
    what the parent parsed.
    """
    d = argparse.SUPPRESS if sub else None
    p.add_argument("--config", type=Path, default=d, metavar="PATH", help=CONFIG_HELP)
    if data_dir:
        p.add_argument("--data-dir", type=Path, default=d, metavar="DIR", help=DATA_DIR_HELP)
    if db:
        p.add_argument("--db", type=Path, default=d, metavar="PATH", help=DB_HELP)


def settings(args: argparse.Namespace, *, report: bool = True) -> Settings:
    """The settings for this command; kiosk.toml's problems go to stderr unless ``report``
    is off (a command that lists them itself, such as ``kiosk config check``)."""
    s = resolve(
        getattr(args, "config", None), getattr(args, "data_dir", None), getattr(args, "db", None)
    )
    if report:
        for problem in s.problems:
            print(f"kiosk: config: {printable(str(problem))}", file=sys.stderr)
    return s
