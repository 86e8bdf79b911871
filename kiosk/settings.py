"""One place that turns the command line and kiosk.toml into the settings a command uses.

``resolve(args_config, args_data_dir, args_db, env)`` finds kiosk.toml the way ``kiosk
run`` and ``kiosk doctor`` do (``--config``, else ``$KIOSK_CONFIG``, else ``kiosk.toml`` in
the platform data folder), loads it (never raising: problems come back as a list), and
lets an explicit ``--data-dir`` / ``--db`` win over the file: the database is ``--db``,
else ``kiosk.db`` in ``--data-dir`` when that is given (a data folder named on the command
line brings its own database), else ``db`` in kiosk.toml, else ``kiosk.db`` in its
``data_dir``. The security settings
(``trusted_keys``, and whether they are unusable) always come from the file, so no command
can forget them.

Pure Python; never imports PySide6.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .bundle.problems import Problem
from .config import Config, config_path, load_config


@dataclass(frozen=True)
class Settings:
    config: Config
    problems: tuple[Problem, ...]
    """What is wrong in kiosk.toml (each names the file, the field and the fix)."""
    config_path: Path
    data_dir: Path
    db_path: Path
    trusted_keys: tuple[str, ...]
    signature_problem: str | None
    """Set when kiosk.toml asks for signatures but no key is usable: refuse every install."""
    keep: int
    kiosk_id: str

    @property
    def signatures_required(self) -> bool:
        return bool(self.trusted_keys) or self.signature_problem is not None


def resolve(
    args_config: Path | None = None,
    args_data_dir: Path | None = None,
    args_db: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    """The settings for one command: its options over kiosk.toml over the defaults."""
    path = config_path(args_config, env)
    config, problems = load_config(path)
    data_dir = args_data_dir or config.data_dir
    db = args_db or (args_data_dir / "kiosk.db" if args_data_dir else config.db_path)
    return Settings(
        config=config,
        problems=tuple(problems),
        config_path=path,
        data_dir=data_dir,
        db_path=db,
        trusted_keys=config.trusted_keys,
        signature_problem=config.signature_problem,
        keep=config.keep_bundles,
        kiosk_id=config.kiosk_id,
    )
