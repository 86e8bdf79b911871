"""The staff PIN (salted scrypt), the lockout that survives restarts, and admin events."""

from __future__ import annotations

import hmac
import json
import math
import re
import sqlite3
from pathlib import Path

import pytest

import kiosk.admin as admin
from kiosk.admin import (
    ADMIN_ACTIONS,
    FREE_TRIES,
    LOCKOUT_FILE,
    Attempt,
    LockoutState,
    PinError,
    PinLock,
    hash_pin,
    lockout_delay,
    log_admin_action,
    log_attempt,
    parse_pin_hash,
    pin_problem,
    verify_pin,
)
from kiosk.analytics import EventLog, Filter, connect, summarize
from kiosk.clock import ManualClock

REPO = Path(__file__).resolve().parents[2]  # the checkout

PIN = "482916"
STORED = hash_pin(PIN)


# --- the PIN ----------------------------------------------------------------------------------


def test_the_hash_is_one_scrypt_string_with_a_fresh_salt() -> None:
    assert re.fullmatch(r"scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}", STORED)
    again = hash_pin(PIN)
    assert again != STORED  # another salt
    assert parse_pin_hash(again).salt != parse_pin_hash(STORED).salt
    assert PIN not in STORED


def test_verify_accepts_only_the_pin() -> None:
    assert verify_pin(PIN, STORED)
    assert verify_pin(f" {PIN}\n", STORED)
    for wrong in ("482917", "48291", "4829160", "", "abcdef", PIN + "0"):
        assert not verify_pin(wrong, STORED), wrong


def test_arabic_digits_are_the_same_pin() -> None:
    assert verify_pin("٤٨٢٩١٦", STORED)  # Arabic-Indic
    assert verify_pin("۴۸۲۹۱۶", STORED)  # Eastern Arabic-Indic (Persian keyboards)
    assert verify_pin(PIN, hash_pin("٤٨٢٩١٦"))


def test_the_comparison_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return a == b

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert not verify_pin("000000", STORED)
    assert not verify_pin("x", STORED)  # a malformed PIN is hashed and compared too
    assert len(calls) == 2 and all(len(a) == len(b) == 32 for a, b in calls)


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("123", "4 to 8 digits"),
        ("123456789", "4 to 8 digits"),
        ("12a4", "digits only"),
        ("12 34", "digits only"),
        ("", "digits only"),
        ("１２３４", "digits only"),
    ],
)
def test_pins_are_4_to_8_digits(pin: str, problem: str) -> None:
    assert problem in (pin_problem(pin) or "")
    with pytest.raises(PinError, match=problem):
        hash_pin(pin)


def test_four_and_eight_digits_are_fine() -> None:
    assert pin_problem("0000") is None and pin_problem("12345678") is None


@pytest.mark.parametrize(
    ("stored", "message"),
    [
        ("1234", "not a PIN hash"),
        ("bcrypt$1$2$3$4$5", "not a PIN hash"),
        ("scrypt$x$8$1$AAAAAAAAAAA=$" + "A" * 44, "whole numbers"),
        # int() alone takes all of these: the rule is ASCII digits, nothing else
        ("scrypt$١٦٣٨٤$8$1$AAAAAAAAAAA=$" + "A" * 44, "whole numbers"),
        ("scrypt$１６３８４$8$1$AAAAAAAAAAA=$" + "A" * 44, "whole numbers"),
        ("scrypt$16384$ 8$1$AAAAAAAAAAA=$" + "A" * 44, "whole numbers"),
        ("scrypt$16_384$8$1$AAAAAAAAAAA=$" + "A" * 44, "whole numbers"),
        ("scrypt$16384$+8$1$AAAAAAAAAAA=$" + "A" * 44, "whole numbers"),
        ("scrypt$16384$8$1\n$AAAAAAAAAAA=$" + "A" * 44, "whole numbers"),
        ("scrypt$1000$8$1$AAAAAAAAAAA=$" + "A" * 44, "unsupported scrypt parameters"),
        (f"scrypt${2**20}$8$1$AAAAAAAAAAA=$" + "A" * 44, "unsupported scrypt parameters"),
        ("scrypt$16384$8$1$!!!$" + "A" * 44, "not valid base64"),
        ("scrypt$16384$8$1$AAAA$" + "A" * 44, "too short"),
    ],
)
def test_malformed_hashes_are_explained_and_match_nothing(stored: str, message: str) -> None:
    with pytest.raises(PinError, match=message):
        parse_pin_hash(stored)
    assert not verify_pin(PIN, stored)


# --- the lockout ------------------------------------------------------------------------------


def test_the_delay_doubles_from_30_s_after_the_fifth_wrong_pin_up_to_an_hour() -> None:
    delays = [lockout_delay(n) for n in range(1, 16)]
    assert delays == [0, 0, 0, 0, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600]
    assert lockout_delay(10**6) == 3600


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(1_448_400_000.0)  # 25 November 2015: a wall-clock time


def test_five_wrong_pins_lock_and_the_lock_grows(tmp_path: Path, clock: ManualClock) -> None:
    lock = PinLock(tmp_path / LOCKOUT_FILE, clock)
    for n in range(1, FREE_TRIES):
        assert lock.attempt("000000", STORED) == Attempt(False, n, 0.0, FREE_TRIES - n)
    assert lock.attempt("000000", STORED) == Attempt(False, 5, 30.0, 0)
    # locked: not even the right PIN is checked, and nothing is counted
    clock.advance(29)
    assert lock.attempt(PIN, STORED) == Attempt(False, 5, 1.0, 0, refused=True)
    assert lock.attempt("000000", STORED).refused
    clock.advance(1)
    assert lock.attempt("000000", STORED) == Attempt(False, 6, 60.0, 0)
    clock.advance(60)
    assert lock.attempt("000000", STORED).locked_for == 120.0


def test_the_lockout_survives_a_restart(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "data" / LOCKOUT_FILE
    before = PinLock(path, clock)
    for _ in range(FREE_TRIES):
        before.attempt("1111", STORED)
    after = PinLock(path, clock)  # a new process: only the file is shared
    assert after.state() == LockoutState(5, clock() + 30)
    assert after.locked_for() == 30.0
    assert after.attempt(PIN, STORED).refused
    data = json.loads(path.read_text("utf-8"))
    assert data["failures"] == 5 and data["locked_until"] == clock() + 30
    assert sorted(p.name for p in path.parent.iterdir()) == [LOCKOUT_FILE]  # no temp file left


def test_the_right_pin_resets_the_count(tmp_path: Path, clock: ManualClock) -> None:
    lock = PinLock(tmp_path / LOCKOUT_FILE, clock)
    for _ in range(FREE_TRIES):
        lock.attempt("1111", STORED)
    clock.advance(30)
    assert lock.attempt(PIN, STORED) == Attempt(True, 0, 0.0, FREE_TRIES)
    assert PinLock(tmp_path / LOCKOUT_FILE, clock).state() == LockoutState()
    assert lock.attempt("1111", STORED) == Attempt(False, 1, 0.0, FREE_TRIES - 1)


def test_a_clock_set_back_does_not_lock_for_years(tmp_path: Path, clock: ManualClock) -> None:
    lock = PinLock(tmp_path / LOCKOUT_FILE, clock)
    for _ in range(FREE_TRIES + 1):
        lock.attempt("1111", STORED)
        clock.advance(30)
    back = PinLock(tmp_path / LOCKOUT_FILE, lambda: clock() - 5 * 365 * 86400)
    assert back.locked_for() == 60.0  # at most the delay of this failure count


def test_a_damaged_file_leaves_one_try_before_a_lockout(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / LOCKOUT_FILE
    for junk in ("{not json", '{"failures": "x", "locked_until": 0}', "[]"):
        path.write_text(junk)
        lock = PinLock(path, clock)
        assert lock.locked_for() == 0
        assert lock.attempt("1111", STORED) == Attempt(False, FREE_TRIES, 30.0, 0)


def test_a_disk_that_refuses_the_write_still_locks(
    tmp_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, data: bytes, *, mode: int | None = None) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(admin, "write_atomic", refuse)
    lock = PinLock(tmp_path / LOCKOUT_FILE, clock)
    for _ in range(FREE_TRIES):
        lock.attempt("1111", STORED)
    assert lock.attempt(PIN, STORED).refused  # kept in memory
    assert not (tmp_path / LOCKOUT_FILE).exists()


def test_unlock_clears_a_lockout(tmp_path: Path, clock: ManualClock) -> None:
    lock = PinLock.in_data_dir(tmp_path, clock)
    assert lock.path == tmp_path / LOCKOUT_FILE
    assert lock.unlock() is False
    for _ in range(FREE_TRIES):
        lock.attempt("1111", STORED)
    assert PinLock.in_data_dir(tmp_path, clock).unlock() is True  # e.g. from a shell
    assert lock.attempt(PIN, STORED).ok  # the running kiosk reads the file each time


# --- the lockout and a clock that moves ----------------------------------------------------------


class WallClock:
    """A wall clock that staff (or a lost network time) can set to anything."""

    def __init__(self, t: float = 1_448_400_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def shown(seconds: float) -> int:
    """The seconds the PIN pad shows (kiosk.qt.admin rounds up)."""
    return math.ceil(seconds)


def lock_out(lock: PinLock) -> None:
    for _ in range(FREE_TRIES):
        lock.attempt("1111", STORED)
    assert lock.locked_for() == 30.0


def assert_enforced_as_shown(lock: PinLock, clock: WallClock | ManualClock) -> None:
    """The pad says N s: the right PIN is refused until then, and accepted at N s."""
    first = lock.attempt(PIN, STORED)
    assert first.refused and 0 < first.locked_for <= 30.0
    says = shown(first.locked_for)
    clock.advance(first.locked_for - 0.25)
    later = lock.attempt(PIN, STORED)
    assert later.refused and later.locked_for == pytest.approx(0.25)
    clock.advance(says - first.locked_for + 0.25)  # the N s the pad said have passed
    assert lock.attempt(PIN, STORED).ok, f"the pad said {says} s, and still refused"


@pytest.mark.parametrize("back", [1, 45, 3600, 86400, 5 * 365 * 86400])
@pytest.mark.parametrize("into", [0.0, 10.0, 29.5])
def test_a_clock_set_back_during_a_lockout_locks_no_longer_than_it_says(
    tmp_path: Path, back: float, into: float
) -> None:
    wall = WallClock()  # the only clock given: it is also the one that times the lockout
    lock = PinLock(tmp_path / LOCKOUT_FILE, wall)
    lock_out(lock)
    wall.advance(into)
    wall.advance(-back)
    assert lock.locked_for() <= 30.0
    assert_enforced_as_shown(lock, wall)


@pytest.mark.parametrize("back", [3600, 86400, 400 * 86400])
def test_a_clock_set_back_while_the_kiosk_was_off(tmp_path: Path, back: float) -> None:
    path = tmp_path / LOCKOUT_FILE
    wall = WallClock()
    lock_out(PinLock(path, wall))
    wall.advance(5 - back)
    after = PinLock(path, wall)  # a restart: only the file is shared
    assert after.locked_for() == 30.0  # the lockout starts now, for its own length
    wall.advance(10)
    again = PinLock(path, wall)  # another restart, 10 s into that lockout
    assert again.locked_for() == 20.0  # not 30 again: the file has the new end
    assert_enforced_as_shown(again, wall)


def test_a_clock_set_back_while_running_keeps_the_lockouts_time(tmp_path: Path) -> None:
    path = tmp_path / LOCKOUT_FILE
    wall, mono = WallClock(), ManualClock(500.0)
    lock = PinLock(path, wall, mono)
    lock_out(lock)
    wall.advance(10)
    mono.advance(10)
    wall.advance(-86400)  # a day back, 10 s into the lockout
    assert lock.locked_for() == 20.0  # the monotonic clock knows: 20 s left, not 30
    assert json.loads(path.read_text("utf-8"))["locked_until"] == wall() + 20
    restarted = PinLock(path, wall, ManualClock(0.0))  # a new process, a new monotonic base
    assert restarted.locked_for() == 20.0
    assert_enforced_as_shown(lock, mono)


def test_a_clock_set_forward_does_not_cut_the_lockout_short(tmp_path: Path) -> None:
    path = tmp_path / LOCKOUT_FILE
    wall, mono = WallClock(), ManualClock(500.0)
    lock = PinLock(path, wall, mono)
    lock_out(lock)
    mono.advance(5)
    wall.advance(5 + 86400)
    assert lock.locked_for() == 25.0
    assert PinLock(path, wall, ManualClock(0.0)).locked_for() == 25.0  # a restart agrees
    assert_enforced_as_shown(lock, mono)


def test_after_a_lockout_timed_out_a_clock_set_back_does_not_lock_again(tmp_path: Path) -> None:
    path = tmp_path / LOCKOUT_FILE
    wall, mono = WallClock(), ManualClock(500.0)
    lock = PinLock(path, wall, mono)
    lock_out(lock)
    wall.advance(-3600)
    mono.advance(30)
    assert lock.locked_for() == 0.0
    assert PinLock(path, wall, ManualClock(0.0)).locked_for() == 0.0  # nor after a restart
    assert lock.attempt(PIN, STORED).ok


def test_the_lock_grows_on_the_monotonic_clock_whatever_the_wall_clock_does(
    tmp_path: Path,
) -> None:
    wall, mono = WallClock(), ManualClock(500.0)
    lock = PinLock(tmp_path / LOCKOUT_FILE, wall, mono)
    lock_out(lock)
    for delay, jump in ((60.0, -7200), (120.0, 86400), (240.0, -1)):
        mono.advance(lock.locked_for())
        wall.advance(jump)
        assert lock.attempt("1111", STORED) == Attempt(False, lock.state().failures, delay, 0)
        assert lock.locked_for() == delay


@pytest.mark.parametrize("end", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_a_lockout_end_that_is_not_a_time_is_damage(tmp_path: Path, end: str) -> None:
    path = tmp_path / LOCKOUT_FILE
    path.write_text(f'{{"failures": 9, "locked_until": {end}}}')
    lock = PinLock(path, WallClock())
    assert lock.locked_for() == 0.0  # never locked for ever
    assert lock.attempt("1111", STORED).locked_for == 30.0  # one more wrong PIN locks


# --- admin events -----------------------------------------------------------------------------


def test_admin_actions_are_logged_outside_visitor_sessions(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    log = EventLog(db, "booth-1")
    log.start()
    log_attempt(log, Attempt(False, 2, 0.0, 3))
    log_attempt(log, Attempt(False, 5, 30.0, 0, refused=True))  # not an entry: not logged
    log_attempt(log, Attempt(True, 0, 0.0, 5))
    log_admin_action(
        log, "install", target="pavilion-1.2.0-abc", payload={"version": "1.2.0", "forced": False}
    )
    log_admin_action(log, "close", payload={"reason": "timeout"})
    assert log.close()
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT type, session_id, target, payload FROM events ORDER BY seq"
    ).fetchall()
    assert rows == [
        ("admin_pin_wrong", None, None, '{"failures":2,"locked_s":0}'),
        ("admin_open", None, None, "{}"),
        ("admin_install", None, "pavilion-1.2.0-abc", '{"forced":false,"version":"1.2.0"}'),
        ("admin_close", None, None, '{"reason":"timeout"}'),
    ]
    conn.close()
    summary = summarize(connect(str(db)), Filter())
    assert summary.sessions == 0  # staff are not visitors


def test_unknown_admin_actions_are_refused() -> None:
    class Sink:
        def log(self, type: str, **kw: object) -> str:
            raise AssertionError("must not be logged")

    with pytest.raises(ValueError, match="ADMIN_ACTIONS"):
        log_admin_action(Sink(), "format_disk")


def test_every_admin_event_is_in_the_analytics_docs() -> None:
    docs = (REPO / "docs" / "analytics.md").read_text("utf-8")
    for action in ADMIN_ACTIONS:
        assert f"`admin_{action}`" in docs, action
