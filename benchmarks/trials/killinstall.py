"""Kill an install at a random moment and check the store: shared by the test and the benchmark.

The child (``python -m benchmarks.trials.killinstall DATA_DIR ZIP``) prints "start"
and installs; the parent kills it with SIGKILL after a random delay.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.store import BundleStore

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Outcome:
    active: str | None
    whole: bool
    finished: bool


def trial(data_dir: Path, zip_path: Path, delay: float) -> Outcome:
    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.trials.killinstall", str(data_dir), str(zip_path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "start"
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.001)  # the kill moment itself is what is being randomised
    finished = child.poll() is not None
    if not finished:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    store = BundleStore(data_dir)
    store.clean_staging()  # what the kiosk does when it starts
    active = store.active_path()
    whole = active is not None and store.verify(active.name).ok
    return Outcome(active.name if active else None, whole, finished)


def run_trials(tmp: Path, old_zip: Path, new_zip: Path, trials: int, seed: int) -> list[Outcome]:
    rng = random.Random(seed)
    outcomes = []
    for i in range(trials):
        data_dir = tmp / f"d{i}"
        BundleStore(data_dir).install(old_zip)
        outcomes.append(trial(data_dir, new_zip, rng.uniform(0.0, 0.12)))
    return outcomes


if __name__ == "__main__":
    store = BundleStore(Path(sys.argv[1]))
    print("start", flush=True)
    store.install(Path(sys.argv[2]))
