"""``kiosk admin``, run in-process (getpass is replaced by the test's answers)."""

from __future__ import annotations

import getpass
import stat
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.admin import FREE_TRIES, PinLock, hash_pin, verify_pin
from kiosk.cli import main


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    return tmp_path / "xdg" / "qatar-kiosk"


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    asked: list[str] = []

    def set_answers(*replies: str | type[BaseException]) -> None:
        queue = list(replies)

        def fake(prompt: str = "") -> str:
            asked.append(prompt)
            reply = queue.pop(0)
            if isinstance(reply, type):
                raise reply()
            return reply

        monkeypatch.setattr(getpass, "getpass", fake)

    yield set_answers


def test_set_pin_writes_a_hash_and_keeps_the_comments(
    tmp_path: Path, answers: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '# booth 2, by the entrance\nkiosk_id = "booth-2"  # as in the floor plan\n', "utf-8"
    )
    path.chmod(0o644)
    answers("731904", "731904")
    assert main(["admin", "set-pin", "--config", str(path)]) == 0
    assert f"The admin PIN is set in {path}." in capsys.readouterr().out
    text = path.read_text("utf-8")
    assert text.startswith(
        '# booth 2, by the entrance\nkiosk_id = "booth-2"  # as in the floor plan\n'
    )
    stored = tomllib.loads(text)["admin"]["pin_hash"]
    assert verify_pin("731904", stored) and "731904" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # no longer readable by others
    assert main(["config", "check", "--config", str(path)]) == 0


def test_set_pin_creates_the_config(data_home: Path, answers: Callable[..., None]) -> None:
    answers("٢٠١٥٢٠", "201520")  # typed once with Arabic digits: the same PIN
    assert main(["admin", "set-pin"]) == 0
    stored = tomllib.loads((data_home / "kiosk.toml").read_text("utf-8"))["admin"]["pin_hash"]
    assert verify_pin("201520", stored)


@pytest.mark.parametrize(
    ("replies", "message"),
    [
        (("1234", "4321"), "the two PINs differ"),
        (("12",), "4 to 8 digits"),
        (("12ab",), "digits only"),
        ((EOFError,), "no PIN entered"),
    ],
)
def test_set_pin_refusals_change_nothing(
    tmp_path: Path,
    answers: Callable[..., None],
    capsys: pytest.CaptureFixture[str],
    replies: tuple[str, ...],
    message: str,
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("screen = 0\n", "utf-8")
    answers(*replies)
    assert main(["admin", "set-pin", "--config", str(path)]) == 1
    assert message in capsys.readouterr().err
    assert path.read_text("utf-8") == "screen = 0\n"


def test_set_pin_refuses_a_config_that_is_not_toml(
    tmp_path: Path, answers: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("[admin\n", "utf-8")
    answers("1234", "1234")
    assert main(["admin", "set-pin", "--config", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "line 1" in err and "kiosk config check" in err
    assert path.read_text("utf-8") == "[admin\n"


def test_unlock_clears_a_lockout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    path = tmp_path / "kiosk.toml"
    path.write_text(f'data_dir = "{data}"\n', "utf-8")
    assert main(["admin", "unlock", "--config", str(path)]) == 0
    assert "was not locked" in capsys.readouterr().out
    stored = hash_pin("1234")
    lock = PinLock.in_data_dir(data)
    for _ in range(FREE_TRIES):
        lock.attempt("0000", stored)
    assert lock.locked_for() > 0
    assert main(["admin", "unlock", "--config", str(path)]) == 0
    assert (
        "Cleared: the PIN pad was locked for 30 s more after 5 wrong PINs"
        in capsys.readouterr().out
    )
    assert lock.locked_for() == 0 and lock.attempt("1234", stored).ok
