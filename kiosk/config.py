"""The kiosk's own settings: ``kiosk.toml`` (see docs/config.md).

``load_config(path)`` never raises on bad content: each wrong key, type or value becomes
a :class:`~kiosk.bundle.problems.Problem` naming the file, the field and the fix, and the
default is used in its place. A missing file is not a problem: everything has a default.

Where the file is: ``--config PATH``, else ``$KIOSK_CONFIG``, else ``kiosk.toml`` in the
platform data directory (:func:`kiosk.paths.data_dir`). Its ``data_dir`` key moves the
rest of the kiosk's files (database, bundles, lockout state), not the config itself.

Pure Python; never imports PySide6.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
import re
import socket
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import Any

from . import paths
from .admin import PinError, parse_pin_hash
from .atomicfile import write_atomic
from .bundle.problems import Problem, Report
from .bundle.tomlfile import from_bytes, read_capped
from .bundle.tomlreader import Reader, distance, shown
from .metrics import MetricsSettings, Network, bind_problem, parse_allow, parse_listen
from .schedule import DEFAULT_TZ, parse_time_zone

CONFIG_NAME = "kiosk.toml"
ENV_VAR = "KIOSK_CONFIG"

TOP_KEYS = (
    "kiosk_id",
    "data_dir",
    "db",
    "drop_folders",
    "trusted_keys",
    "default_language",
    "screen",
    "rotation",  # obsolete: see OBSOLETE_KEYS
    "auto_apply",
    "keep_bundles",
    "time_zone",
    "idle",
    "admin",
    "metrics",
    "fleet",
)
OBSOLETE_KEYS = ("rotation",)
"""Read by earlier versions: still accepted, with a warning that says what to do instead."""
IDLE_RANGES: dict[str, tuple[float, float]] = {
    "timeout": (10, 3600),
    "video_timeout": (10, 7200),
    "countdown": (3, 120),
}
"""The same ranges as a bundle's ``[idle]`` (kiosk/bundle/schema/bundle_toml.py; a test keeps
them equal)."""
ADMIN_KEYS = ("pin_hash",)
METRICS_KEYS = ("listen", "allow", "screenshot_token", "screenshot_every")
FLEET_KEYS = ("kiosks",)
MIN_TOKEN = 16
LANGUAGES = ("ar", "en")
MAX_SCREEN = 15
MAX_KEEP = 100
KIOSK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", re.ASCII)
"""Matched with fullmatch() only (``$`` would also match before a final newline)."""
ED25519_KEY_BYTES = 32
MAX_CONFIG_BYTES = 64 * 1024
"""kiosk.toml is read up to this size (the commented example is 2 KB); a bigger file is a
config error, and the kiosk starts on the defaults."""


@dataclass(frozen=True)
class IdleOverrides:
    """Seconds that replace the bundle's ``[idle]`` values; None keeps the bundle's."""

    timeout: float | None = None
    video_timeout: float | None = None
    countdown: float | None = None


@dataclass(frozen=True)
class Config:
    path: Path
    """The file this came from (which may not exist: then everything is a default)."""
    kiosk_id: str = field(default_factory=socket.gethostname)
    data_dir: Path = field(default_factory=lambda: paths.data_dir())
    db: Path | None = None
    """The analytics database when kiosk.toml names one; None: ``kiosk.db`` in the data folder."""
    drop_folders: tuple[Path, ...] = ()
    idle: IdleOverrides = IdleOverrides()
    pin_hash: str | None = None
    trusted_keys: tuple[str, ...] = ()
    """Ed25519 public keys, base64 (each decodes to 32 bytes)."""
    default_language: str | None = None
    """None: the bundle's default language."""
    screen: int = 0
    auto_apply: bool = False
    keep_bundles: int = 3
    time_zone: tzinfo = DEFAULT_TZ
    """The pavilion's time zone: a bundle's schedule is in it (kiosk.schedule)."""
    metrics: MetricsSettings | None = None
    """``[metrics]``: None (no table, or no ``listen``) keeps /metrics off."""
    fleet: tuple[str, ...] = ()
    """``[fleet] kiosks``: HOST:PORT of each kiosk ``kiosk fleet status`` asks."""
    trusted_keys_unusable: bool = False
    """The file sets ``trusted_keys`` (or something like it) but no key in it is usable:
    every install is refused (fail closed) until it is fixed; see :attr:`signature_problem`."""

    @property
    def signature_problem(self) -> str | None:
        """For staff (admin panel, doctor, the install refusal): what is wrong and the fix."""
        if not self.trusted_keys_unusable or self.trusted_keys:
            return None
        return (
            f"{self.path}: trusted_keys is set but holds no usable key, so every bundle install "
            "is refused. Fix: paste each public key exactly as 'kiosk keys new' printed it "
            '(44 characters ending in "="), as a list: trusted_keys = ["..."]; or delete the '
            "trusted_keys line to install unsigned bundles"
        )

    @property
    def db_path(self) -> Path:
        """The analytics database: ``db`` in kiosk.toml, else ``kiosk.db`` in the data folder."""
        return self.db or self.data_dir / "kiosk.db"

    def trusted_key_bytes(self) -> tuple[bytes, ...]:
        return tuple(base64.b64decode(k) for k in self.trusted_keys)


def config_path(arg: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Which kiosk.toml to use: ``--config``, else ``$KIOSK_CONFIG``, else the data dir's."""
    if arg is not None:
        return arg
    value = (os.environ if env is None else env).get(ENV_VAR)
    if value:
        return Path(value).expanduser()
    return paths.data_dir() / CONFIG_NAME


# --- reading ----------------------------------------------------------------------------------


def load_config(path: Path) -> tuple[Config, list[Problem]]:
    """The settings in ``path`` over the defaults, and every problem found on the way."""
    report = Report(str(path))
    file = str(path)
    try:
        raw = read_capped(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        return Config(path), []
    except IsADirectoryError:
        report.error(
            file,
            "",
            "this is a folder, not a config file",
            f"point --config (or {ENV_VAR}) at a file named {CONFIG_NAME}",
            "not-a-file",
        )
        return Config(path), report.problems
    except OSError as exc:
        report.error(
            file,
            "",
            f"cannot be read ({exc.strerror})",
            "check the file's permissions: the kiosk's user must be able to read it",
            "unreadable",
        )
        return Config(path), report.problems
    data = from_bytes(raw, file, report, MAX_CONFIG_BYTES)
    if data is None:  # not UTF-8, too deep, a syntax error: signatures stay required if asked
        return Config(path, trusted_keys_unusable=_mentions_keys(raw)), report.problems
    cfg = _parse(data, path, _ConfigReader(report, file, ()))
    if cfg.pin_hash is not None:
        with contextlib.suppress(OSError):
            if path.stat().st_mode & 0o077:
                report.warning(
                    file,
                    "admin.pin_hash",
                    "other users of this machine can read the PIN hash",
                    f"chmod 600 {path}",
                    "readable-pin-hash",
                )
    return cfg, report.problems


class _ConfigReader(Reader):
    """The bundle manifests' reader, with hints for keys that sit in the wrong table."""

    def misplaced(self, table: dict[str, Any], allowed: tuple[str, ...], path: str) -> None:
        """Report unknown keys; a top-level key written under a [section] gets its own fix."""
        for key in table:
            if key in allowed:
                continue
            fld = self.join(path, shown(key))
            near_idle = (
                [k for k in IDLE_RANGES if distance(k, key) <= 2]
                if not path and len(key) <= 40
                else []
            )
            if path and key in TOP_KEYS:
                self.error(
                    fld,
                    f"'{key}' is not a setting of [{path}]",
                    f"in TOML every key after the [{path}] line belongs to it: move '{key}' "
                    "above the first [section] line of the file",
                    "misplaced-key",
                )
            elif near_idle and not any(distance(k, key) <= 2 for k in allowed):
                wanted = near_idle[0]
                self.error(
                    fld,
                    f"'{key}' is not a setting here"
                    if key != wanted
                    else f"'{key}' belongs in the [idle] section",
                    ("" if key == wanted else f"did you mean '{wanted}'? ")
                    + f"write it under the [idle] line, at the end of the file: {wanted} = ...",
                    "misplaced-key",
                )
            elif not path and key in ADMIN_KEYS:
                self.error(
                    fld,
                    f"'{key}' belongs in the [admin] section",
                    "set it with: kiosk admin set-pin (it writes [admin] pin_hash)",
                    "misplaced-key",
                )
            else:
                self.unknown({key: None}, allowed, path)

    def path_value(self, value: Any, fld: str, base: Path, example: str) -> Path | None:
        if not isinstance(value, str) or not value.strip():
            self.error(
                fld,
                "expected a folder path in quotes"
                if not isinstance(value, str)
                else "the path is empty",
                f'write it as "{example}" (a relative path starts at the config file\'s folder)',
                "type" if not isinstance(value, str) else "empty-text",
            )
            return None
        p = Path(value).expanduser()
        return p if p.is_absolute() else base / p

    def whole(
        self, table: dict[str, Any], key: str, default: int, lo: int, hi: int, path: str = ""
    ) -> int:
        if key not in table:
            return default
        value, fld = table[key], self.join(path, key)
        if isinstance(value, bool) or not isinstance(value, int):
            found = "text" if isinstance(value, str) else repr(value)
            self.error(
                fld,
                f"expected a whole number, found {found}",
                f"write it without quotes or decimals, e.g. {key} = {default}",
                "type",
            )
            return default
        if not lo <= value <= hi:
            self.error(
                fld, f"{value} is out of range", f"use a whole number from {lo} to {hi}", "range"
            )
            return default
        return value


def _parse(data: dict[str, Any], path: Path, r: _ConfigReader) -> Config:
    base = path.parent
    d = Config(path)
    r.misplaced(data, TOP_KEYS, "")

    kiosk_id = d.kiosk_id
    value = r.get(data, "kiosk_id", "", str, required=False, example='"booth-1"')
    if value is not None:
        if KIOSK_ID.fullmatch(value):
            kiosk_id = value
        else:
            r.error(
                "kiosk_id",
                f"'{shown(value)}' is not a usable kiosk id",
                'use letters, digits, ".", "_" or "-", at most 64, e.g. "booth-1"',
                "bad-id",
            )

    data_dir = d.data_dir
    if "data_dir" in data:
        data_dir = r.path_value(data["data_dir"], "data_dir", base, "/var/lib/kiosk") or data_dir
    db = _db_value(r, data["db"], base) if "db" in data else None

    drops: list[Path] = []
    raw = r.get(data, "drop_folders", "", list, required=False, example='["/media/usb"]')
    for i, item in enumerate(raw or []):
        p = r.path_value(item, r.join("drop_folders", i), base, "/media/kiosk/usb")
        if p is None:
            continue
        if p in drops:
            r.warning(
                r.join("drop_folders", i),
                f"'{shown(item)}' is listed twice",
                "list each folder once",
                "duplicate",
            )
            continue
        drops.append(p)

    keys: list[str] = []
    raw = r.get(data, "trusted_keys", "", list, required=False, example='["<base64 key>"]')
    for i, item in enumerate(raw or []):
        key = _trusted_key(r, item, r.join("trusted_keys", i))
        if key is not None and key in keys:
            r.warning(
                r.join("trusted_keys", i),
                "this key is listed twice",
                "list each key once",
                "duplicate",
            )
        elif key is not None:
            keys.append(key)

    raw_keys = data.get("trusted_keys")
    keys_unusable = not keys and (
        ("trusted_keys" in data and not (isinstance(raw_keys, list) and not raw_keys))
        or _keys_elsewhere(data)
    )

    language = r.get(data, "default_language", "", str, required=False, example='"ar"')
    if language is not None and language not in LANGUAGES:
        r.error(
            "default_language",
            f"'{shown(language)}' is not a kiosk language",
            'use "ar" or "en", or remove the line to use the bundle\'s default',
            "bad-language",
        )
        language = None

    if "rotation" in data:  # read by earlier versions; the kiosk now follows its screen
        r.warning(
            "rotation",
            "is no longer read: the kiosk takes its shape from the screen, and turns with it",
            "remove the line, and rotate the screen in the compositor (cage -r, wlr-randr"
            " --transform 90, or xrandr --rotate left), which turns the touch input too:"
            " docs/deploy.md, 'A portrait or rotated screen'",
            "obsolete",
        )
    auto_apply = r.get(data, "auto_apply", "", bool, required=False, example="false")

    time_zone = d.time_zone
    tz_name = r.get(data, "time_zone", "", str, required=False, example='"+03:00"')
    if tz_name is not None:
        found = parse_time_zone(tz_name)
        if found is None:
            r.error(
                "time_zone",
                f"'{shown(tz_name)}' is not a time zone this kiosk knows",
                'write the offset from UTC, e.g. time_zone = "+03:00" (Qatar, Bahrain), '
                'or a zone name such as "Asia/Qatar"',
                "bad-time-zone",
            )
        else:
            time_zone = found

    idle_t = r.get(data, "idle", "", dict, required=False, example="a table: [idle]") or {}
    r.misplaced(idle_t, tuple(IDLE_RANGES), "idle")
    idle: dict[str, float | None] = {}
    for key, (lo, hi) in IDLE_RANGES.items():
        v = r.get(idle_t, key, "idle", (int, float), required=False, example="60")
        if v is not None and not lo <= v <= hi:
            r.error(
                f"idle.{key}",
                f"{v} is out of range",
                f"use a number of seconds from {lo:g} "
                f"to {hi:g}, or remove the line to use the bundle's",
                "range",
            )
            v = None
        idle[key] = None if v is None else float(v)

    admin_t = r.get(data, "admin", "", dict, required=False, example="a table: [admin]") or {}
    r.misplaced(admin_t, ADMIN_KEYS, "admin")
    pin_hash = r.get(admin_t, "pin_hash", "admin", str, required=False, example='"scrypt$..."')
    if pin_hash is not None:
        try:
            parse_pin_hash(pin_hash)
        except PinError as exc:
            r.error(
                "admin.pin_hash",
                f"the PIN hash cannot be used: {exc}",
                "set the PIN again with: kiosk admin set-pin",
                "bad-pin-hash",
            )
            pin_hash = None

    metrics = _metrics(r, data)
    fleet_t = r.get(data, "fleet", "", dict, required=False, example="a table: [fleet]") or {}
    r.misplaced(fleet_t, FLEET_KEYS, "fleet")
    fleet: list[str] = []
    example = '["10.20.0.11:9464", "10.20.0.12:9464"]'
    for i, item in enumerate(
        r.get(fleet_t, "kiosks", "fleet", list, example=example, required=False) or []
    ):
        fld = r.join("fleet.kiosks", i)
        try:
            parse_listen(item if isinstance(item, str) else "")
        except ValueError as exc:
            r.error(
                fld, f"'{shown(str(item))}' is not a kiosk's HOST:PORT", str(exc), "bad-address"
            )
            continue
        fleet.append(item.strip())

    return Config(
        path=path,
        kiosk_id=kiosk_id,
        data_dir=data_dir,
        db=db,
        drop_folders=tuple(drops),
        idle=IdleOverrides(**idle),
        pin_hash=pin_hash,
        trusted_keys=tuple(keys),
        default_language=language,
        screen=r.whole(data, "screen", d.screen, 0, MAX_SCREEN),
        auto_apply=d.auto_apply if auto_apply is None else auto_apply,
        keep_bundles=r.whole(data, "keep_bundles", d.keep_bundles, 1, MAX_KEEP),
        time_zone=time_zone,
        trusted_keys_unusable=keys_unusable,
        metrics=metrics,
        fleet=tuple(fleet),
    )


def _metrics(r: _ConfigReader, data: dict[str, Any]) -> MetricsSettings | None:
    """``[metrics]``: on when it has ``listen``; a LAN address needs ``allow``."""
    table = r.get(data, "metrics", "", dict, required=False, example="a table: [metrics]")
    if table is None:
        return None
    r.misplaced(table, METRICS_KEYS, "metrics")
    listen = r.get(table, "listen", "metrics", str, required=False, example='"127.0.0.1:9464"')
    if listen is None:
        return None
    try:
        host, port = parse_listen(listen)
    except ValueError as exc:
        r.error("metrics.listen", f"'{shown(listen)}' cannot be used", str(exc), "bad-address")
        return None
    allow_raw = r.get(table, "allow", "metrics", list, required=False, example='["10.20.0.5"]')
    allow: tuple[Network, ...] = ()
    if allow_raw:
        try:
            allow = parse_allow(str(a) for a in allow_raw)
        except ValueError as exc:
            r.error("metrics.allow", "an entry cannot be used", str(exc), "bad-address")
    token = r.get(table, "screenshot_token", "metrics", str, required=False, example='"..."')
    if token is not None and len(token.strip()) < MIN_TOKEN:
        r.error(
            "metrics.screenshot_token",
            f"the token is shorter than {MIN_TOKEN} characters, so screenshots stay off",
            "use a long random token, e.g. the output of: openssl rand -hex 16",
            "weak-token",
        )
        token = None
    every = r.get(table, "screenshot_every", "metrics", (int, float), required=False, example="10")
    if every is not None and not 1 <= every <= 3600:
        r.error(
            "metrics.screenshot_every",
            f"{every} is out of range",
            "use a number of seconds from 1 to 3600",
            "range",
        )
        every = None
    settings = MetricsSettings(
        host=host,
        port=port,
        allow=allow,
        screenshot_token=token.strip() if token else None,
        screenshot_every=float(every) if every is not None else MetricsSettings.screenshot_every,
    )
    problem = bind_problem(settings)
    if problem is not None:
        r.error("metrics.listen", *problem, "no-allowlist")
        return None
    return settings


def _db_value(r: _ConfigReader, value: Any, base: Path) -> Path | None:
    """``db``: a database file (not a folder); relative to the config file's folder."""
    example = "/var/lib/kiosk/kiosk.db"
    if not isinstance(value, str) or not value.strip():
        r.error(
            "db",
            "expected a database file path in quotes"
            if not isinstance(value, str)
            else "the path is empty",
            f'write it as db = "{example}", or remove the line to use kiosk.db in data_dir',
            "type" if not isinstance(value, str) else "empty-text",
        )
        return None
    p = Path(value).expanduser()
    p = p if p.is_absolute() else base / p
    if p.is_dir():
        r.error(
            "db",
            f"'{shown(value)}' is a folder, not a database file",
            f'name the file inside it, e.g. db = "{shown(value).rstrip("/")}/kiosk.db"',
            "not-a-file",
        )
        return None
    return p


def _like_keys(key: object) -> bool:
    """``trusted_keys`` misspelt: Trusted-Keys, trusted_key, trusted_keyz ..."""
    return isinstance(key, str) and distance(key.lower().replace("-", "_"), "trusted_keys") <= 2


def _keys_elsewhere(data: dict[str, Any]) -> bool:
    """Keys meant to be trusted that land elsewhere: misspelt, or under a [section]."""
    if any(_like_keys(k) and k != "trusted_keys" for k in data):
        return True
    return any(isinstance(t, dict) and any(_like_keys(k) for k in t) for t in data.values())


def _mentions_keys(raw: bytes) -> bool:
    """Whether a file that cannot be parsed still mentions trusted keys (outside comments)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[1:2] == b"\0" or raw[:1] == b"\0":
        raw = raw.replace(b"\0", b"")  # UTF-16: the ASCII letters are still there
    for line in raw.splitlines():
        code = line.split(b"#", 1)[0].lower().replace(b"-", b"_")
        if b"trusted_key" in code:
            return True
    return False


def _trusted_key(r: Reader, item: Any, fld: str) -> str | None:
    fix = (
        "paste the public key exactly as 'kiosk keys new' printed it: 44 characters of "
        "base64 ending in '='"
    )
    if not isinstance(item, str):
        r.error(fld, "expected a key in quotes", fix, "type")
        return None
    key = item.strip()
    try:
        raw = base64.b64decode(key, validate=True)
    except (binascii.Error, ValueError):
        r.error(fld, "the key is not valid base64", fix, "bad-key")
        return None
    if len(raw) != ED25519_KEY_BYTES:
        r.error(
            fld,
            f"the key is {len(raw)} bytes, an Ed25519 public key is {ED25519_KEY_BYTES}",
            fix + " (a private key must never be written here)",
            "bad-key",
        )
        return None
    return key


# --- writing ----------------------------------------------------------------------------------


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def dump_config(cfg: Config) -> str:
    """The effective settings as TOML; unset ones as comments. The PIN hash is not shown."""

    def opt(key: str, value: object | None, unset: str) -> str:
        return f"{key} = {value}" if value is not None else f"# {key}: {unset}"

    i = cfg.idle
    lines = [
        f"# effective settings; file: {cfg.path}" + ("" if cfg.path.exists() else " (absent)"),
        f"kiosk_id = {_toml_str(cfg.kiosk_id)}",
        f"data_dir = {_toml_str(str(cfg.data_dir))}",
        f"db = {_toml_str(str(cfg.db_path))}",
        "drop_folders = [" + ", ".join(_toml_str(str(p)) for p in cfg.drop_folders) + "]",
        "trusted_keys = [" + ", ".join(_toml_str(k) for k in cfg.trusted_keys) + "]",
        opt(
            "default_language",
            _toml_str(cfg.default_language) if cfg.default_language else None,
            "not set, the bundle's default language is used",
        ),
        f"screen = {cfg.screen}",
        f"auto_apply = {'true' if cfg.auto_apply else 'false'}",
        f"keep_bundles = {cfg.keep_bundles}",
        f"time_zone = {_toml_str(str(cfg.time_zone))}",
        "",
        "[idle]",
        opt("timeout", i.timeout and f"{i.timeout:g}", "not set, the bundle's is used"),
        opt(
            "video_timeout",
            i.video_timeout and f"{i.video_timeout:g}",
            "not set, the bundle's is used",
        ),
        opt("countdown", i.countdown and f"{i.countdown:g}", "not set, the bundle's is used"),
        "",
        "[admin]",
        "# pin_hash: "
        + ("set (not shown)" if cfg.pin_hash else "NOT SET: run kiosk admin set-pin"),
        "",
        "[metrics]",
        *(
            [
                f"listen = {_toml_str(cfg.metrics.listen)}",
                "allow = [" + ", ".join(_toml_str(str(n)) for n in cfg.metrics.allow) + "]",
                "# screenshot_token: "
                + (
                    "set (not shown)" if cfg.metrics.screenshot_token else "not set: no screenshots"
                ),
                f"screenshot_every = {cfg.metrics.screenshot_every:g}",
            ]
            if cfg.metrics
            else ["# listen: not set, /metrics is off"]
        ),
        "",
        "[fleet]",
        "kiosks = [" + ", ".join(_toml_str(k) for k in cfg.fleet) + "]",
    ]
    return "\n".join(lines) + "\n"


EXAMPLE = """\
# kiosk.toml: this kiosk's own settings (the content comes from bundles).
# Every setting has a default: remove a line, or leave it commented out, to keep it.
# Reference: docs/config.md. Check your changes with: kiosk config check

# This kiosk's name in the visitor statistics (default: the machine's host name).
# kiosk_id = "booth-1"

# Where the database, the installed bundles and the PIN lockout state live
# (default: the platform data folder, e.g. ~/.local/share/qatar-kiosk).
# data_dir = "/var/lib/kiosk"

# The analytics database (default: kiosk.db in data_dir).
# db = "/var/lib/kiosk/kiosk.db"

# Folders watched for new bundles (a USB stick's mount point, a synced folder).
# drop_folders = ["/media/kiosk/usb", "/srv/kiosk-drop"]

# Install new bundles from the drop folders by themselves (true), or only offer them
# in the admin panel (false).
auto_apply = false

# How many installed bundles to keep (the active and the previous one always stay).
keep_bundles = 3

# Ed25519 public keys (base64) whose signatures are trusted. When the list is not empty,
# unsigned or wrongly signed bundles are refused. Make a key pair with: kiosk keys new
trusted_keys = []

# "ar" or "en": the language the kiosk returns to; by default the bundle's.
# default_language = "ar"

# The pavilion's time zone: a bundle's schedule (opening hours, dayparts, interrupts) is
# in it. An offset from UTC ("+03:00": Qatar, Bahrain, Kuwait, Saudi Arabia; "+04:00": the
# UAE, Oman) or a zone name ("Asia/Qatar"). Default: "+03:00".
# time_zone = "+03:00"

# Which screen (0 = the first). A portrait totem is a screen turned in the compositor
# (docs/deploy.md): the kiosk takes its shape from the screen.
screen = 0

[idle]
# Override the bundle's idle times, in seconds (default: the bundle's).
# timeout = 60          # no touch for this long: "Are you still there?" (10 to 3600)
# video_timeout = 180   # the same while a video plays (10 to 7200)
# countdown = 15        # the countdown before the kiosk resets (3 to 120)

[admin]
# pin_hash: the staff PIN, only as a salted hash. Do not write it by hand: set it with
#   kiosk admin set-pin

# [metrics]
# Fleet health for Prometheus (docs/deploy.md, "Fleet health"): counts only, read-only.
# listen = "127.0.0.1:9464"     # off without this line; a network address needs allow
# allow = ["10.20.0.5"]         # who else may read /metrics (addresses or networks)
# screenshot_token = "..."      # staff screenshots (/screenshot); e.g. openssl rand -hex 16
# screenshot_every = 10         # at most one screenshot per this many seconds

# [fleet]
# The kiosks 'kiosk fleet status' asks when given none.
# kiosks = ["10.20.0.11:9464", "10.20.0.12:9464"]
"""


PRIVATE_MODE = 0o600
"""New config files are readable by their owner only: they hold the PIN hash, and a
short PIN can be found from its hash by trying them all."""


def write_example(path: Path) -> None:
    """Write the commented example to ``path`` (which must not exist)."""
    if path.exists():
        raise FileExistsError(path)
    write_atomic(path, EXAMPLE.encode(), mode=PRIVATE_MODE)


def set_value(
    path: Path, table: str | None, key: str, value: str | int | bool, *, private: bool = False
) -> None:
    """Set one value in ``path`` keeping its comments and layout (created from the example
    if absent). ``private`` also takes away other users' access to the file. Raises
    ValueError when the file is not valid TOML, naming the place."""
    import tomlkit
    from tomlkit.exceptions import ParseError
    from tomlkit.items import Table

    try:
        raw = read_capped(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        raw = EXAMPLE.encode()
    # The checks load_config() makes first: size, encoding (a BOM is dropped), nesting
    # (tomlkit, like tomllib, recurses), then tomlkit's own parse.
    report = Report(str(path))
    from_bytes(raw, str(path), report, MAX_CONFIG_BYTES)
    syntax = [p for p in report.errors if p.code in ("too-large", "encoding", "syntax")]
    if syntax:
        raise ValueError(f"{syntax[0]}; fix it first, see: kiosk config check")
    text = raw.decode("utf-8-sig")
    try:
        doc = tomlkit.parse(text)
    except ParseError as exc:
        raise ValueError(
            f"{path}: not valid TOML (line {exc.line}, column {exc.col}); "
            "fix it first, see: kiosk config check"
        ) from None
    target: Any = doc
    if table is not None:
        existing = doc.get(table)
        if existing is None:
            doc[table] = tomlkit.table()
        elif not isinstance(existing, Table):
            raise ValueError(
                f"{path}: '{table}' is a value, not a [{table}] section; "
                f"remove the line '{table} = ...' first"
            )
        target = doc[table]
    target[key] = value
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = PRIVATE_MODE
    if private and mode is not None:
        mode &= ~0o077
    write_atomic(path, tomlkit.dumps(doc).encode(), mode=mode)
