"""Start-up policy, Qt-free: what a kiosk starts with, decided before any window exists.

- :class:`KioskSettings`: everything that varies between one running kiosk and another
  (production, the GUI tests, the soak, the benchmarks, the screenshots). The composition
  root (:func:`kiosk.qt.root.build`) builds a kiosk from these and nothing else.
- :func:`with_overrides`: kiosk.toml's settings laid over the bundle's own.
- :func:`choose_bundle`: the chain ``--bundle`` | active bundle → previous bundle → sample.
- :func:`load_checked`: how a ``--bundle`` folder is loaded: checked first as
  ``kiosk bundle validate`` checks it (Qt's decoding aside), refused with every error.
- :func:`open_event_log`: the analytics writer, whose lock keeps a second kiosk off the
  same database.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .analytics import EventLog
from .bundle import Bundle, BundleError, StructuralInspector, load, validate
from .config import Config
from .metrics import MetricsSettings
from .paths import SAMPLE_BUNDLE
from .store import BundleStore, NothingToRollBack

SWAP_POLL_MS = 2000
"""The hot swap's fallback check of the active pointer (its directory watch sees a change
at once)."""


SAY_AT_MOST = 10
"""Errors listed for a bundle that is not shown; ``kiosk bundle validate`` lists them all."""


@dataclass(frozen=True)
class KioskSettings:
    """A kiosk to build. ``bundle`` fixes the bundle shown; None follows the store."""

    config: Config
    data_dir: Path
    db: Path
    kiosk_id: str
    bundle: Path | None = None
    language: str | None = None
    windowed: bool = False
    screen: int = 0
    size: tuple[int, int] | None = None
    """A window of this size (tests, screenshots); None: the screen's, or Qt's default."""
    trace: Path | None = None
    swap_poll_ms: int = SWAP_POLL_MS
    follow_store: bool | None = None
    """Hot swap to the store's active bundle; None: exactly when ``bundle`` is None."""
    sample: Path = field(default=SAMPLE_BUNDLE)
    metrics: MetricsSettings | None = None
    """Serve /metrics (kiosk.toml ``[metrics]``, or ``kiosk run --metrics``); None: off."""

    @property
    def follows_store(self) -> bool:
        return self.bundle is None if self.follow_store is None else self.follow_store

    @classmethod
    def for_config(cls, config: Config, **changes: object) -> KioskSettings:
        """Settings from kiosk.toml alone (its data folder, its database, its kiosk id)."""
        base = cls(
            config=config,
            data_dir=config.data_dir,
            db=config.db_path,
            kiosk_id=config.kiosk_id,
            screen=config.screen,
            metrics=config.metrics,
        )
        return replace(base, **changes)  # type: ignore[arg-type]


def with_overrides(bundle: Bundle, config: Config) -> Bundle:
    """The bundle with this kiosk's kiosk.toml settings applied (idle times, default language,
    the time zone of its schedule)."""
    idle = bundle.idle
    o = config.idle
    idle = replace(
        idle,
        timeout=o.timeout if o.timeout is not None else idle.timeout,
        video_timeout=o.video_timeout if o.video_timeout is not None else idle.video_timeout,
        countdown=o.countdown if o.countdown is not None else idle.countdown,
    )
    lang = (
        config.default_language
        if config.default_language in bundle.languages
        else bundle.default_language
    )
    schedule = bundle.schedule
    if schedule is not None:  # its times are in the pavilion's time zone
        schedule = replace(schedule, tz=config.time_zone)
    return replace(
        bundle, idle=idle, default_language=lang or bundle.default_language, schedule=schedule
    )


def load_with_overrides(path: Path, config: Config) -> Bundle:
    """How a kiosk loads a bundle, at start and for each hot swap."""
    return with_overrides(load(path), config)


def load_checked(path: Path, config: Config, say: Callable[[str], None] = print) -> Bundle:
    """A bundle given with ``--bundle``: unlike the store's bundles, nobody validated it
    on the way in, so every file is checked here as ``kiosk bundle validate`` does (media
    structure, checksums, fonts; only the decoding that needs Qt is left out). Errors
    raise :class:`BundleError` (the kiosk refuses it and says why); warnings are ``say``-ed."""
    report = validate(path, StructuralInspector())
    if not report.ok:
        raise BundleError(report)
    for problem in report.warnings:
        say(f"kiosk: warning: {problem}")
    return load_with_overrides(path, config)


def choose_bundle(
    explicit: Path | None,
    store: BundleStore | None,
    loader: Callable[[Path], Bundle] = load,
    say: Callable[[str], None] = print,
    sample: Path = SAMPLE_BUNDLE,
) -> Bundle | None:
    """The bundle to start with: ``explicit``; else the store's active one, rolling back to
    the previous one if it no longer loads; else ``sample``. None, after saying why, when
    nothing loads. ``say`` gets each line for the staff (stderr, the journal)."""
    if explicit is not None:
        candidates = [explicit]
    else:
        assert store is not None
        store.clean_staging()
        # a lost or damaged pointer: the newest installed bundle that verifies, logged loudly
        active = store.active_path(repair=True) or sample
        candidates = [active] if active == sample else [active, sample]
    for i, path in enumerate(candidates):
        try:
            return loader(path)
        except BundleError as exc:
            errors = exc.report.errors
            say(f"kiosk: cannot show {path}:")
            for p in errors[:SAY_AT_MOST]:
                say(f"  {p}")
            if len(errors) > SAY_AT_MOST:
                say(f"  … and {len(errors) - SAY_AT_MOST} more")
            if store is not None and i == 0 and explicit is None:
                with contextlib.suppress(NothingToRollBack, OSError):  # OSError: the store is busy
                    restored = store.rollback()
                    say(f"kiosk: rolled back to {restored}")
                    restored_path = store.active_path()
                    if restored_path is not None:
                        candidates.insert(1, restored_path)
    say("Check bundles with: kiosk bundle validate PATH")
    return None


def open_event_log(db: Path, kiosk_id: str) -> EventLog:
    """Start the analytics writer; it opens (and if need be creates) the database itself.

    :class:`kiosk.analytics.store.DatabaseInUse` when another kiosk's writer holds the
    database's lock."""
    # if this fails, the writer reports the problem through its status, and keeps retrying
    with contextlib.suppress(OSError):
        db.parent.mkdir(parents=True, exist_ok=True)
    log = EventLog(db, kiosk_id)
    log.start()
    return log
