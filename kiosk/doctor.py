"""``kiosk doctor``'s checks: each returns a :class:`CheckResult` (OK / WARN / FAIL, what
was found and what to do about it), so they can be called one by one in tests.

Pure Python; never imports PySide6. What needs Qt comes in from outside: fonts are loaded
by an injected loader (:class:`kiosk.qt.inspector.QtInspector` in the CLI), and the
display, OpenGL and multimedia are probed in a child process (``python -m
kiosk.qt.probe``), so a broken platform plugin or GPU driver is reported instead of
aborting the doctor.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from .admin import PinLock
from .analytics import SCHEMA_VERSION, read_status
from .analytics.store import status_path
from .bundle.problems import Problem, Report, Severity
from .bundle.schema import parse_bundle
from .bundle.tomlfile import from_bytes, read_capped
from .config import Config, load_config

GB = 1_000_000_000
MB = 1_000_000
DISK_WARN_BYTES = 1 * GB
DISK_FAIL_BYTES = 200 * MB
MAX_DETAILS = 10
PROBE_TIMEOUT_S = 90.0
SOFTWARE_GL = ("llvmpipe", "softpipe", "software rasterizer", "swrast")


class Level(StrEnum):
    OK = "OK"
    WARN = "WARN"
    FAIL = "FAIL"


@dataclass(frozen=True)
class CheckResult:
    name: str
    level: Level
    message: str
    fix: str = ""
    details: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """As printed: one line for the check, then any details, indented."""
        head = f"{self.level.value:<4}  {self.name:<10}  {self.message}"
        if self.fix:
            head += f" -- fix: {self.fix}"
        return [head, *(f"{'':18}{d}" for d in self.details)]


def _details(problems: list[Problem]) -> tuple[str, ...]:
    # the check's own line names the file; a field is enough here when there is one
    out = [f"{p.field or p.file}: {p.message} -- fix: {p.fix}" for p in problems[:MAX_DETAILS]]
    if len(problems) > MAX_DETAILS:
        out.append(f"... and {len(problems) - MAX_DETAILS} more")
    return tuple(out)


def _size(n: float) -> str:
    return f"{n / GB:.1f} GB" if n >= GB else f"{n / MB:.0f} MB"


# --- config and admin -------------------------------------------------------------------------


def check_config(path: Path) -> tuple[Config, CheckResult]:
    cfg, problems = load_config(path)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        n = len(errors)
        return cfg, CheckResult(
            "config",
            Level.FAIL,
            f"{path} has {n} error{'s' * (n != 1)}; the kiosk uses defaults in their place",
            f"correct them (kiosk config check --config {path})",
            _details(sorted(problems, key=lambda p: p.severity != Severity.ERROR)),
        )
    if problems:
        return cfg, CheckResult(
            "config",
            Level.WARN,
            f"{path} has {len(problems)} warning(s)",
            f"see kiosk config check --config {path}",
            _details(problems),
        )
    if not path.exists():
        return cfg, CheckResult("config", Level.OK, f"no {path}: every setting has its default")
    return cfg, CheckResult("config", Level.OK, f"{path} is valid")


def check_signatures(cfg: Config) -> CheckResult:
    """Whether installs need a signature, and whether kiosk.toml's trusted_keys is usable."""
    problem = cfg.signature_problem
    if problem is not None:
        message, _, fix = problem.partition(" Fix: ")
        return CheckResult("signatures", Level.FAIL, message, fix)
    if cfg.trusted_keys:
        n = len(cfg.trusted_keys)
        return CheckResult(
            "signatures",
            Level.OK,
            f"only bundles signed by {'one of ' * (n > 1)}the {n} "
            f"trusted key{'s' * (n > 1)} in {cfg.path} install",
        )
    return CheckResult(
        "signatures", Level.OK, f"unsigned bundles install: {cfg.path} lists no trusted_keys"
    )


def check_admin(cfg: Config, clock: Callable[[], float] = time.time) -> CheckResult:
    if cfg.pin_hash is None:
        return CheckResult(
            "admin",
            Level.WARN,
            "no admin PIN is set: the admin panel cannot be opened",
            "kiosk admin set-pin",
        )
    lock = PinLock.in_data_dir(cfg.data_dir, clock)
    state = lock.state()
    left = lock.locked_for(state)
    if left > 0:
        return CheckResult(
            "admin",
            Level.WARN,
            f"the PIN pad is locked for {left:.0f} s more after {state.failures} wrong PINs",
            "wait, or clear it with: kiosk admin unlock",
        )
    return CheckResult("admin", Level.OK, "an admin PIN is set")


# --- disk and database ------------------------------------------------------------------------


class DiskUsage(NamedTuple):
    total: int
    used: int
    free: int


def check_disk(
    folder: Path,
    usage: Callable[[Path], DiskUsage] = lambda p: DiskUsage(*shutil.disk_usage(p)),
) -> CheckResult:
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent  # the folder is made at the first start: measure its disk
    try:
        free = usage(probe).free
    except OSError as exc:
        return CheckResult(
            "disk",
            Level.FAIL,
            f"cannot measure the disk of {folder} ({exc.strerror})",
            "check that the disk is mounted",
        )
    where = f"{_size(free)} free on the data folder's disk ({folder})"
    fix = (
        "free space: remove old bundles (kiosk bundle list) and exported files, or move "
        "data_dir to a bigger disk"
    )
    if free < DISK_FAIL_BYTES:
        return CheckResult("disk", Level.FAIL, f"only {where}", fix)
    if free < DISK_WARN_BYTES:
        return CheckResult("disk", Level.WARN, f"only {where}", fix)
    return CheckResult("disk", Level.OK, where)


def check_database(db: Path, euid: int | None = None) -> CheckResult:
    """``PRAGMA quick_check`` on the analytics database, opened read-only.

    Even read-only, SQLite creates the ``-wal`` and ``-shm`` files of a WAL database when
    they are missing; made by another user (``sudo kiosk doctor``), the kiosk could not
    open them afterwards. So a database of another user is only checked while those files
    exist (the kiosk is running); otherwise the doctor asks to be run as that user.
    """
    if not db.exists():
        return CheckResult(
            "database", Level.OK, f"{db} does not exist yet; the kiosk creates it when it starts"
        )
    owner = db.stat().st_uid
    sidecars = all(db.with_name(db.name + s).exists() for s in ("-wal", "-shm"))
    if (os.geteuid() if euid is None else euid) != owner and not sidecars:
        return CheckResult(
            "database",
            Level.WARN,
            f"{db} belongs to another user: not opened",
            "run kiosk doctor as the kiosk's user (sudo -u kiosk kiosk doctor)",
        )
    aside = (
        f"stop the kiosk, move {db} aside (recover what it holds with: sqlite3 OLD.db .recover "
        "| sqlite3 NEW.db) and start the kiosk, which makes a new one"
    )
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        return CheckResult(
            "database",
            Level.FAIL,
            f"cannot open {db}: {exc}",
            "check the file's permissions: the kiosk's user must be able to write it "
            "and its folder",
        )
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        count = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] if version > 0 else 0
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "unable to open" in str(exc):
            return CheckResult(
                "database",
                Level.WARN,
                f"cannot read {db} ({exc})",
                "run kiosk doctor as the kiosk's user (sudo -u kiosk ...)",
            )
        return CheckResult("database", Level.FAIL, f"{db} is damaged: {exc}", aside)
    except sqlite3.DatabaseError as exc:
        return CheckResult("database", Level.FAIL, f"{db} is damaged: {exc}", aside)
    finally:
        conn.close()
    if rows != ["ok"]:
        return CheckResult(
            "database",
            Level.FAIL,
            f"{db} failed its integrity check",
            aside,
            tuple(rows[:MAX_DETAILS]),
        )
    if version > SCHEMA_VERSION:
        return CheckResult(
            "database",
            Level.FAIL,
            f"{db} was made by a newer kiosk (schema {version}, this one reads {SCHEMA_VERSION}): "
            "no events are saved",
            "update the kiosk software, or move the database aside",
        )
    if version < 0:
        return CheckResult(
            "database",
            Level.FAIL,
            f"{db} has schema version {version}, which no kiosk writes: it is damaged, and no "
            "events are saved",
            aside,
        )
    return CheckResult("database", Level.OK, f"{db} passes quick_check ({count} events)")


def check_event_writer(db: Path) -> CheckResult:
    """The event writer's status file: what it last reported when writing failed."""
    status = read_status(db)
    if status is None:
        return CheckResult("events", Level.OK, "the event writer reports no write errors")
    if status.dead:
        return CheckResult(
            "events",
            Level.FAIL,
            f"the event writer has stopped (since {status.since or '?'}): {status.last_error} "
            f"({status.dropped} events dropped)",
            "fix what the message says, then restart the kiosk (sudo systemctl restart kiosk)",
        )
    lost = f", {status.dropped} events dropped" if status.dropped else ""
    return CheckResult(
        "events",
        Level.WARN,
        f"the event writer could not write (since {status.since or '?'}): {status.last_error} "
        f"({status.pending} waiting{lost})",
        f"check free space and the permissions of {db.parent}; once the kiosk logs again the "
        f"warning clears (or delete {status_path(db).name} if it is old)",
    )


RECENT_SHOWN = 5
RECENT_WARN_S = 24 * 3600


def check_recent_errors(data_dir: Path, now: datetime | None = None) -> CheckResult:
    """The kiosk's last errors (kiosk.logs keeps them in the data folder): WARN when the
    newest is under a day old; older ones are shown as OK, for the record."""
    from .logs import RECENT_FILE, read_recent

    path = data_dir / RECENT_FILE
    recent = read_recent(path)
    if not recent:
        return CheckResult("errors", Level.OK, "the kiosk has logged no errors")
    now = now or datetime.now(UTC)
    try:
        age = (now - datetime.fromisoformat(recent[-1].at)).total_seconds()
    except ValueError:
        age = 0.0
    shown = [e.line() for e in recent[-RECENT_SHOWN:]]
    fresh = age < RECENT_WARN_S
    return CheckResult(
        "errors",
        Level.WARN if fresh else Level.OK,
        f"the kiosk logged {len(recent)} error(s) (kept in {path}); the last "
        f"{len(shown)}, oldest first:",
        "read the lines around them with: journalctl -u kiosk --since today" if fresh else "",
        tuple(shown),
    )


# --- bundles and fonts ------------------------------------------------------------------------


def check_active_bundle(data_dir: Path) -> tuple[Path | None, CheckResult]:
    """The store's active bundle, re-hashed; its folder (None: nothing installed)."""
    from .store import BundleStore

    store = BundleStore(data_dir)
    current = store.state().current
    problem = store.pointer_problem()
    path = store.active_path()
    if problem is not None:
        shows = (
            f"the kiosk shows {path.name}, the newest installed bundle that verifies"
            if path is not None
            else "no installed bundle verifies: the kiosk shows the sample bundle"
        )
        return path, CheckResult(
            "bundle",
            Level.FAIL,
            f"the active pointer {store.pointer} is damaged ({problem}); {shows}",
            "choose the bundle to show: kiosk bundle activate NAME (names: kiosk bundle list)",
        )
    if path is None:
        if current:
            return None, CheckResult(
                "bundle",
                Level.FAIL,
                f"the active bundle {current} is missing from {store.bundles}",
                "roll back (kiosk bundle rollback) or install the bundle again",
            )
        return None, CheckResult(
            "bundle",
            Level.WARN,
            "no bundle is installed: the kiosk shows the sample bundle",
            "install the pavilion's bundle: kiosk bundle install FILE.zip",
        )
    try:
        report = store.verify(path.name)
    except (KeyError, OSError) as exc:
        return path, CheckResult(
            "bundle",
            Level.FAIL,
            f"the active bundle cannot be verified ({exc})",
            "install the bundle again",
        )
    if not report.ok:
        n = len(report.errors)
        return path, CheckResult(
            "bundle",
            Level.FAIL,
            f"the active bundle {path.name}: {n} file(s) do not verify",
            "install the bundle again, or roll back: kiosk bundle rollback",
            _details(report.errors),
        )
    return path, CheckResult("bundle", Level.OK, f"the active bundle {path.name} verifies")


class FontLoader(Protocol):
    def load_fonts(self, paths: list[Path]) -> tuple[dict[Path, str], set[str]]:
        """Errors per file, and the family names the fonts that loaded provide."""
        ...


def check_fonts(bundle: Path, loader: FontLoader) -> CheckResult:
    """Every font file listed in ``bundle``'s bundle.toml loads, and provides the families
    the bundle asks for."""
    report = Report(str(bundle))
    manifest = bundle / "bundle.toml"
    validate = f"kiosk bundle validate {bundle}"
    try:
        data = from_bytes(read_capped(manifest), "bundle.toml", report)
    except OSError as exc:
        return CheckResult(
            "fonts",
            Level.FAIL,
            f"cannot read {manifest} ({exc})",
            "point --bundle at a bundle folder (one with a bundle.toml)",
        )
    head = parse_bundle(data, report) if data is not None else None
    if head is None or head.fonts is None:
        return CheckResult(
            "fonts",
            Level.FAIL,
            f"{manifest} has errors, so its fonts are unknown",
            f"correct them ({validate})",
            _details(report.errors),
        )
    fonts = head.fonts
    files = {bundle.joinpath(*rel.parts): str(rel) for rel in fonts.files}
    missing = [rel for p, rel in files.items() if not p.is_file()]
    errors, families = loader.load_fonts([p for p in files if p.is_file()])
    lines = [f"{rel}: the file is missing" for rel in missing]
    lines += [f"{files[p]}: {msg}" for p, msg in sorted(errors.items())]
    wanted = {fonts.arabic, fonts.arabic_heading, fonts.latin}
    absent = sorted(wanted - families)
    lines += [f"no font provides the family '{f}' that bundle.toml asks for" for f in absent]
    if lines:
        bad = len(missing) + len(errors)
        what = (
            f"{bad} of {len(files)} font files do not load" if bad else "a font family is missing"
        )
        return CheckResult(
            "fonts",
            Level.FAIL,
            f"{what} ({bundle})",
            "copy the font files again from their source (TTF or OTF), then " + validate,
            tuple(lines),
        )
    return CheckResult(
        "fonts",
        Level.OK,
        f"{len(files)} font files of {head.id} load ({', '.join(sorted(wanted))})",
    )


def first_video(bundle: Path) -> Path | None:
    return next(iter(sorted(bundle.rglob("*.mp4"))), None)


# --- Qt: display, OpenGL, multimedia (probed in a child process) ------------------------------


def run_qt_probe(video: Path | None = None, timeout: float = PROBE_TIMEOUT_S) -> dict[str, Any]:
    """Run ``python -m kiosk.qt.probe`` and return what it found; ``{"error": ...}`` when
    Qt could not even start (a missing library, a broken plugin, a crash)."""
    cmd = [sys.executable, "-m", "kiosk.qt.probe"]
    if video is not None:
        cmd += ["--video", str(video)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"the Qt probe did not finish in {timeout:.0f} s"}
    except OSError as exc:
        return {"error": f"the Qt probe could not start ({exc})"}
    lines = out.stdout.strip().splitlines()
    try:
        found: dict[str, Any] = json.loads(lines[-1])
        return found
    except (ValueError, IndexError):
        tail = [ln for ln in out.stderr.strip().splitlines() if ln.strip()][-4:]
        return {"error": f"Qt did not start (exit status {out.returncode})", "stderr": tail}


def probe_results(probe: dict[str, Any]) -> list[CheckResult]:
    """What :func:`run_qt_probe` found, as checks: display, opengl, multimedia, video."""
    if "error" in probe:
        failed = CheckResult(
            "display",
            Level.FAIL,
            str(probe["error"]),
            "install what Qt needs (as root: scripts/setup in /opt/kiosk) and check "
            "DISPLAY / WAYLAND_DISPLAY; see docs/deploy.md",
            tuple(probe.get("stderr", ())),
        )
        return [failed]
    out: list[CheckResult] = []
    offscreen = bool(probe.get("offscreen_fallback"))
    platform = probe.get("platform", "?")
    screens = probe.get("screens", [])
    if offscreen:
        out.append(
            CheckResult(
                "display",
                Level.WARN,
                "no display here (DISPLAY and WAYLAND_DISPLAY are unset): checked offscreen",
                "to check the screen and OpenGL, run kiosk doctor in the kiosk's session "
                "(docs/deploy.md, 'Checking a kiosk')",
            )
        )
    elif not screens:
        out.append(
            CheckResult(
                "display",
                Level.FAIL,
                f"Qt platform '{platform}' sees no screen",
                "connect the screen, and check the cable and the compositor (cage) or X",
            )
        )
    else:
        sizes = ", ".join(f"{s['name'] or '?'} {s['width']}x{s['height']}" for s in screens)
        out.append(CheckResult("display", Level.OK, f"Qt platform '{platform}': {sizes}"))

    gl = probe.get("opengl", {})
    if gl.get("ok"):
        api = "OpenGL ES" if gl.get("gles") else "OpenGL"
        what = f"{api} {gl.get('version')} on {gl.get('renderer')}"
        if any(s in str(gl.get("renderer", "")).lower() for s in SOFTWARE_GL):
            out.append(
                CheckResult(
                    "opengl",
                    Level.WARN,
                    f"{what}: drawn by the CPU, animations may stutter",
                    "install the graphics driver for this GPU (Debian: firmware-misc-nonfree, "
                    "mesa-va-drivers) and check the kernel found the GPU",
                )
            )
        else:
            out.append(CheckResult("opengl", Level.OK, what))
    elif offscreen:
        out.append(CheckResult("opengl", Level.WARN, "not checked: no display here"))
    else:
        out.append(
            CheckResult(
                "opengl",
                Level.FAIL,
                f"no OpenGL context: {gl.get('error', 'unknown error')}",
                "install the Mesa/GPU driver (apt-get install libgl1-mesa-dri libegl1)",
            )
        )

    mm = probe.get("multimedia", {})
    outputs = mm.get("audio_outputs", [])
    backend = mm.get("backend", "?")
    if not mm.get("mp4"):
        out.append(
            CheckResult(
                "multimedia",
                Level.FAIL,
                f"Qt Multimedia ({backend}) cannot read MP4 files",
                "reinstall the Python packages (scripts/setup)",
            )
        )
    elif not outputs:
        out.append(
            CheckResult(
                "multimedia",
                Level.WARN,
                f"{backend} backend reads MP4, but there is no audio output: videos will be silent",
                "connect speakers (or HDMI audio) and check that PipeWire or PulseAudio runs for "
                "the kiosk's user",
            )
        )
    else:
        out.append(
            CheckResult(
                "multimedia",
                Level.OK,
                f"{backend} backend reads MP4; "
                f"audio output: {mm.get('default_output') or outputs[0]}",
            )
        )

    if "video" in probe:
        video = probe["video"]
        name = probe.get("video_path", "the video")
        if video.get("error"):
            out.append(
                CheckResult(
                    "video",
                    Level.FAIL,
                    f"{name} does not play here: {video['error']}",
                    "reinstall the Python packages (scripts/setup); if other machines play it, "
                    "re-encode it as H.264 + AAC (docs/bundle-format.md)",
                )
            )
        else:
            out.append(CheckResult("video", Level.OK, f"decoded a frame of {name}"))
    return out


def worst(results: list[CheckResult]) -> Level:
    levels = {r.level for r in results}
    return Level.FAIL if Level.FAIL in levels else Level.WARN if Level.WARN in levels else Level.OK
