"""Kill ``kiosk bundle install`` at random moments (default 100 trials).

After each kill the store must hold the old or the new bundle, active and whole
(every file verifies). Prints a table and a JSON line.

    .venv/bin/python -m benchmarks.install_kill [--trials 100] [--seed 11]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.trials.killinstall import run_trials
from kiosk.bundle import pack
from kiosk.paths import SAMPLE_BUNDLE


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--trials", type=int, default=100)
    p.add_argument("--seed", type=int, default=11)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        old, new = tmp / "old.zip", tmp / "new.zip"
        # the real sample bundle (5 MB), once as it is and once with a new version number
        assert pack(SAMPLE_BUNDLE, old).ok
        src = tmp / "src"
        shutil.copytree(SAMPLE_BUNDLE, src)
        toml = src / "bundle.toml"
        toml.write_text(
            toml.read_text("utf-8").replace('version = "1.0.0"', 'version = "1.0.1"'), "utf-8"
        )
        assert pack(src, new).ok
        start = time.monotonic()
        outcomes = run_trials(tmp, old, new, args.trials, args.seed)
        seconds = time.monotonic() - start
    counts = Counter((o.active.split("-")[-2] if o.active else None, o.finished) for o in outcomes)
    broken = sum(1 for o in outcomes if not o.whole)
    print(f"{'active after kill':<20} {'install finished':<18} trials")
    for (version, finished), n in sorted(counts.items(), key=str):
        print(f"{version!s:<20} {finished!s:<18} {n}")
    result = {
        "trials": len(outcomes),
        "broken": broken,
        "old_active": sum(n for (v, _f), n in counts.items() if v == "1.0.0"),
        "new_active": sum(n for (v, _f), n in counts.items() if v == "1.0.1"),
        "seconds": round(seconds, 1),
    }
    print(json.dumps(result))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
