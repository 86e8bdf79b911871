"""Admin mode's safety: the staff PIN, the lockout after wrong PINs, and admin events.

* The PIN (4 to 8 digits) is kept only as a salted scrypt hash, one string in
  ``kiosk.toml``: ``scrypt$16384$8$1$<salt, base64>$<hash, base64>``. Checking compares in
  constant time.
* After :data:`FREE_TRIES` wrong PINs in a row the PIN pad locks: 30 s, then twice as long
  after each further wrong PIN, at most an hour. The count lives in a small JSON file in the
  data directory (replaced atomically), so a restart does not reset it; a right PIN does,
  and so does ``kiosk admin unlock``. The lockout is timed on the monotonic clock while
  the kiosk runs, so setting the wall clock back or forward neither stretches nor
  shortens it; the file keeps its end in wall-clock time (to survive a restart), and is
  rewritten when the wall clock has moved. A wall clock found before the lockout's start
  (set back while the kiosk was off) counts as "the lockout starts now". So the pad
  never locks for longer than the delay it states, and the seconds it shows are the
  seconds it enforces. Both clocks are injectable for tests.
* Admin actions go to the analytics log as ``admin_*`` events without a session id, so
  they never count as visitor activity (:func:`log_admin_action`).

Pure Python; never imports PySide6.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import math
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from .atomicfile import write_atomic

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
# Limits on what a stored hash may ask for, so a bad config cannot make a check take
# minutes or gigabytes: N=2**17, r=16 is 256 MiB.
MAX_N = 2**17
MAX_R = 16
MAX_P = 4

FREE_TRIES = 5
"""Wrong PINs in a row allowed before the first lockout."""
FIRST_DELAY_S = 30.0
MAX_DELAY_S = 3600.0
LOCKOUT_FILE = "admin-lockout.json"

# Arabic-Indic and Eastern Arabic-Indic digits, as an Arabic keyboard types them.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


class PinError(ValueError):
    """A PIN or a stored PIN hash that cannot be used; the message is for staff."""


# --- the PIN ----------------------------------------------------------------------------------


def normalize_pin(pin: str) -> str:
    """Arabic digits as ASCII digits, surrounding spaces removed."""
    return pin.strip().translate(_DIGITS)


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a PIN, or None when it can."""
    pin = normalize_pin(pin)
    if not pin.isascii() or not pin.isdigit():
        return "a PIN has digits only (0-9)"
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        return f"a PIN has {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits, this one has {len(pin)}"
    return None


@dataclass(frozen=True)
class PinHash:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    def __str__(self) -> str:
        salt = base64.b64encode(self.salt).decode()
        digest = base64.b64encode(self.digest).decode()
        return f"scrypt${self.n}${self.r}${self.p}${salt}${digest}"


_PARAM = re.compile(r"[0-9]{1,10}", re.ASCII)


def parse_pin_hash(text: str) -> PinHash:
    """Read a stored hash; raises :class:`PinError` saying what is wrong with it."""
    parts = text.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        raise PinError("not a PIN hash (expected scrypt$N$r$p$salt$hash)")
    # int() alone would take " 8", "+8", "1_6" and Arabic-Indic or full-width digits
    if not all(_PARAM.fullmatch(x) for x in parts[1:4]):
        raise PinError("the scrypt parameters N, r and p must be whole numbers")
    n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
    if n < 2 or n & (n - 1) or n > MAX_N or not 1 <= r <= MAX_R or not 1 <= p <= MAX_P:
        raise PinError(
            f"unsupported scrypt parameters N={n}, r={r}, p={p} (N a power of two up to "
            f"{MAX_N}, r up to {MAX_R}, p up to {MAX_P})"
        )
    try:
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (binascii.Error, ValueError):
        raise PinError("the salt or the hash is not valid base64") from None
    if len(salt) < 8 or len(digest) < 16:
        raise PinError("the salt or the hash is too short")
    return PinHash(n, r, p, salt, digest)


def _scrypt(pin: str, h: PinHash) -> bytes:
    import hashlib  # here, not at the top: kiosk.config imports this module at start-up

    return hashlib.scrypt(
        pin.encode(),
        salt=h.salt,
        n=h.n,
        r=h.r,
        p=h.p,
        dklen=len(h.digest),
        maxmem=256 * h.r * (h.n + h.p + 2) + (1 << 20),
    )


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """The string to store for ``pin`` (a fresh random salt each time)."""
    problem = pin_problem(pin)
    if problem:
        raise PinError(problem)
    h = PinHash(SCRYPT_N, SCRYPT_R, SCRYPT_P, salt or os.urandom(SALT_BYTES), b"\0" * HASH_BYTES)
    return str(PinHash(h.n, h.r, h.p, h.salt, _scrypt(normalize_pin(pin), h)))


def verify_pin(pin: str, stored: str) -> bool:
    """True if ``pin`` matches the stored hash. Constant-time comparison; a malformed
    hash matches nothing."""
    import hmac  # here, not at the top, like hashlib in _scrypt

    try:
        h = parse_pin_hash(stored)
    except PinError:
        return False
    well_formed = pin_problem(pin) is None
    # hash even a malformed PIN, so that the time taken says nothing about it
    candidate = _scrypt(normalize_pin(pin), h)
    return hmac.compare_digest(candidate, h.digest) and well_formed


# --- the lockout ------------------------------------------------------------------------------


def lockout_delay(failures: int) -> float:
    """Seconds the PIN pad stays locked after the ``failures``-th wrong PIN in a row."""
    if failures < FREE_TRIES:
        return 0.0
    doublings = min(failures - FREE_TRIES, 32)  # beyond that the cap applies anyway
    return min(MAX_DELAY_S, FIRST_DELAY_S * float(1 << doublings))


@dataclass(frozen=True)
class LockoutState:
    failures: int = 0
    """Wrong PINs in a row."""
    locked_until: float = 0.0
    """Wall-clock time (seconds since 1970) before which no PIN is checked."""


@dataclass(frozen=True)
class Attempt:
    """What happened to one PIN entry, for the PIN pad to show."""

    ok: bool
    failures: int
    """Wrong PINs in a row, this one included."""
    locked_for: float
    """Seconds before the next PIN is accepted (0: now)."""
    tries_left: int
    """Wrong PINs still allowed before a lockout."""
    refused: bool = False
    """True if the PIN was not even checked, because the pad is locked."""


class PinLock:
    """Checks PINs and keeps the wrong-PIN count in ``path`` across restarts.

    The file is read at every attempt, so ``kiosk admin unlock`` from a shell takes effect
    in a running kiosk. If the disk refuses the write, the count is kept in memory.

    ``clock`` is the wall clock (seconds since 1970), ``monotonic`` a clock that never goes
    back (the running process's time). A test that injects only ``clock`` moves both.
    """

    def __init__(
        self,
        path: Path,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        self.path = path
        self.clock = clock
        self.monotonic = monotonic or (time.monotonic if clock is time.time else clock)
        self._unsaved: LockoutState | None = None
        self._deadline: tuple[LockoutState, float] | None = None
        """The lockout this process has timed: its state and its end on ``monotonic``."""

    @classmethod
    def in_data_dir(
        cls,
        data_dir: Path,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] | None = None,
    ) -> PinLock:
        return cls(data_dir / LOCKOUT_FILE, clock, monotonic)

    def state(self) -> LockoutState:
        if self._unsaved is not None:
            return self._unsaved
        try:
            data = json.loads(self.path.read_text("utf-8"))
            failures, until = data["failures"], data["locked_until"]
            if not isinstance(failures, int) or not isinstance(until, int | float):
                raise TypeError
            if not math.isfinite(until):
                raise ValueError
            return LockoutState(max(0, failures), float(until))
        except FileNotFoundError:
            return LockoutState()
        except (OSError, ValueError, KeyError, TypeError):
            # A damaged file must not be a way round the lockout: one more wrong PIN locks.
            return LockoutState(FREE_TRIES - 1, 0.0)

    def locked_for(self, state: LockoutState | None = None) -> float:
        """Seconds left in the current lockout (0 when a PIN may be tried).

        Never more than the lockout's own delay, whatever the wall clock did; what this
        returns is what :meth:`attempt` enforces.
        """
        return self._check(state or self.state())[1]

    def _check(self, s: LockoutState) -> tuple[LockoutState, float]:
        """The state (rewritten if the wall clock moved) and the seconds left."""
        delay = lockout_delay(s.failures)
        if delay <= 0:
            return s, 0.0
        now, mono = self.clock(), self.monotonic()
        if self._deadline is not None and self._deadline[0] == s:
            # Timed here since it began, or since this process first saw it.
            left = self._deadline[1] - mono
        else:
            # First seen (after a restart, or begun by another process): only the wall
            # clock can tell. A wall clock before the lockout's start was set back since:
            # the lockout starts now, for its own delay.
            left = s.locked_until - now
        left = max(0.0, min(left, delay))
        ends = LockoutState(s.failures, now + left)
        moved = s.locked_until > ends.locked_until + 1.0 or (
            left > 0 and s.locked_until < ends.locked_until - 1.0
        )
        if moved:
            # The wall clock moved: the file gets the end the pad enforces, so that a
            # restart and ``kiosk doctor`` agree with it.
            self._save(ends)
            s = ends
        self._deadline = (s, mono + left) if left > 0 else None
        return s, left

    def attempt(self, pin: str, stored_hash: str) -> Attempt:
        """Check ``pin`` against ``stored_hash``, counting wrong ones; see :class:`Attempt`."""
        state, wait = self._check(self.state())
        if wait > 0:
            return Attempt(False, state.failures, wait, 0, refused=True)
        if verify_pin(pin, stored_hash):
            if state != LockoutState():
                self._save(LockoutState())
            return Attempt(True, 0, 0.0, FREE_TRIES)
        failures = state.failures + 1
        delay = lockout_delay(failures)
        locked = LockoutState(failures, self.clock() + delay)
        self._save(locked)
        self._deadline = (locked, self.monotonic() + delay) if delay > 0 else None
        return Attempt(False, failures, delay, max(0, FREE_TRIES - failures))

    def unlock(self) -> bool:
        """Clear the count and any lockout (staff with shell access). True if there was one."""
        had = self.state() != LockoutState()
        self._unsaved = None
        self._deadline = None
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        return had

    def _save(self, state: LockoutState) -> None:
        data = {
            "failures": state.failures,
            "locked_until": state.locked_until,
            "updated_utc": datetime.fromtimestamp(self.clock(), UTC).isoformat(timespec="seconds"),
        }
        try:
            write_atomic(self.path, json.dumps(data).encode())
            self._unsaved = None
        except OSError:
            self._unsaved = state


# --- admin events -----------------------------------------------------------------------------

ADMIN_ACTIONS: dict[str, str] = {
    "open": "the right PIN was entered and the admin panel opened",
    "pin_wrong": "a wrong PIN; payload failures, locked_s",
    "close": "the panel closed; payload reason (button, timeout)",
    "install": "a bundle installed; target the bundle, payload version, forced",
    "activate": "an installed bundle made active; target the bundle",
    "rollback": "back to the previous bundle; target the bundle now active",
    "language": "the default language changed; payload from, to",
    "restart": "the kiosk restarted from the panel",
    "exit": "the kiosk exited from the panel",
}
"""Every admin event type, without its ``admin_`` prefix (docs/analytics.md lists them)."""


class EventSink(Protocol):
    """What :func:`log_admin_action` needs of :class:`kiosk.analytics.EventLog`."""

    def log(
        self,
        type: str,
        *,
        session_id: str | None = None,
        target: str | None = None,
        payload: dict[str, Any] | None = None,
    ) -> str: ...


def log_admin_action(
    log: EventSink,
    action: str,
    *,
    target: str | None = None,
    payload: dict[str, Any] | None = None,
) -> str:
    """Log ``admin_<action>`` outside any visitor session; returns the event id."""
    if action not in ADMIN_ACTIONS:
        raise ValueError(
            f"unknown admin action {action!r}: add it to ADMIN_ACTIONS and docs/analytics.md"
        )
    return log.log(f"admin_{action}", session_id=None, target=target, payload=payload or {})


def log_attempt(log: EventSink, attempt: Attempt) -> str | None:
    """Log a PIN entry: ``admin_open`` when right, ``admin_pin_wrong`` when wrong."""
    if attempt.refused:
        return None
    if attempt.ok:
        return log_admin_action(log, "open")
    return log_admin_action(
        log,
        "pin_wrong",
        payload={"failures": attempt.failures, "locked_s": round(attempt.locked_for)},
    )
