"""kiosk.logs: one readable line per event on stderr; the last errors kept for kiosk doctor."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk import logs
from kiosk.cli import main
from kiosk.doctor import Level, check_recent_errors

LINE = re.compile(r"(DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+: \S.*")


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[tuple[io.StringIO, logs.RecentErrors]]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    out = io.StringIO()
    recent = logs.setup(tmp_path, out)
    yield out, recent
    for h in list(root.handlers):
        if h not in handlers:
            root.removeHandler(h)
    root.setLevel(level)
    logging.captureWarnings(False)


def test_one_line_per_event_with_its_level(logged: tuple[io.StringIO, logs.RecentErrors]) -> None:
    out, _recent = logged
    log = logging.getLogger("kiosk.store")
    log.info("installed %s", "pavilion-2")
    log.warning("two lines\nof warning")
    try:
        raise OSError("disk full")
    except OSError:
        log.exception("install failed")
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    assert all(LINE.fullmatch(line) for line in lines), lines
    assert lines[0] == "INFO kiosk.store: installed pavilion-2"
    assert lines[1] == "WARNING kiosk.store: two lines ⏎ of warning"
    assert lines[2].startswith("ERROR kiosk.store: install failed ⏎ Traceback")
    assert lines[2].endswith("OSError: disk full")


def test_the_last_errors_are_kept_in_the_data_folder(
    tmp_path: Path, logged: tuple[io.StringIO, logs.RecentErrors]
) -> None:
    log = logging.getLogger("kiosk.qt.aio")
    log.warning("only a warning")  # not kept
    for i in range(logs.KEEP + 5):
        log.error("background job %d failed", i)
    kept = logs.read_recent(tmp_path / logs.RECENT_FILE)
    assert len(kept) == logs.KEEP
    assert kept[-1].message == f"background job {logs.KEEP + 4} failed"
    assert kept[0].message == "background job 5 failed"
    assert {e.source for e in kept} == {"kiosk.qt.aio"}
    # a restart keeps the earlier errors
    again = logs.RecentErrors(tmp_path / logs.RECENT_FILE)
    assert list(again.recent) == kept


def test_doctor_shows_the_last_errors(
    tmp_path: Path,
    logged: tuple[io.StringIO, logs.RecentErrors],
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert check_recent_errors(tmp_path).level is Level.OK
    logging.getLogger("kiosk.qt.swap").error("pavilion-2: its fonts did not load")
    result = check_recent_errors(tmp_path)
    assert result.level is Level.WARN
    assert "journalctl -u kiosk" in result.fix
    assert result.details[-1].endswith("kiosk.qt.swap: pavilion-2: its fonts did not load")
    later = datetime.now(UTC) + timedelta(days=2)
    assert check_recent_errors(tmp_path, later).level is Level.OK  # old news, still listed
    assert check_recent_errors(tmp_path, later).details == result.details

    capsys.readouterr()
    main(
        ["doctor", "--quick", "--config", str(tmp_path / "kiosk.toml"), "--data-dir", str(tmp_path)]
    )
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if ln.startswith("WARN  errors"))
    assert "logged 1 error(s)" in line
    assert "its fonts did not load" in out
