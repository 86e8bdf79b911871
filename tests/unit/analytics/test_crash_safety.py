"""An acknowledged event is never lost, even if the process is SIGKILLed a moment later.

Each trial runs a child process (:mod:`benchmarks.trials.killtrial`) that logs a storm of
events and prints every acknowledged (committed) id; the parent kills it after a random, seeded
number of acknowledged ids.
``benchmarks/analytics_kill.py`` runs the same trial many more times.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from benchmarks.trials.killtrial import kill_points, run_trial

SEED = 20_260_125
TRIALS = 24
MOST = 10_000
"""Kill points are log-uniform in [1, MOST] acknowledged ids: inside the first batch as often as
after several full (2000-event) batches."""

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "kill_after",
    [
        pytest.param(k, id=f"{i:02d}-after-{k}")
        for i, k in enumerate(kill_points(SEED, TRIALS, MOST))
    ],
)
def test_acknowledged_events_survive_sigkill(tmp_path: Path, kill_after: int) -> None:
    db = tmp_path / "events.db"
    trial = run_trial(db, kill_after, kiosk_id="kiosk-kill")

    assert trial.acknowledged >= kill_after
    assert not trial.missing, (
        f"{len(trial.missing)} acknowledged ids lost, e.g. {min(trial.missing)}"
    )
    assert trial.integrity == "ok"
    assert trial.rows >= trial.acknowledged
    # A later EventLog (same kiosk id) ends the killed run's visitor session, once, as a crash.
    assert len(trial.crash_ends) == 1, trial.crash_ends
    payload = json.loads(trial.crash_ends[0])
    assert payload["reason"] == "crash"
    assert payload["duration_s"] >= 0
    # ... and continues the kiosk's sequence: no gap, no repeat across the two runs.
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT type, seq FROM events ORDER BY seq").fetchall()
    assert [seq for _, seq in rows] == list(range(1, len(rows) + 1))
    assert [t for t, _ in rows[:1] + rows[-2:]] == ["session_start", "session_end", "app_start"]
