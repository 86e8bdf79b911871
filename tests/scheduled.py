"""A scheduled copy of the sample bundle, for the GUI tests and screenshots of the schedule.

The sample itself stays unscheduled (the full content, always open). The copy's files are hard
links to the sample's, so making it costs nothing; only bundle.toml is its own.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from kiosk.paths import SAMPLE_BUNDLE

SCHEDULE = """
[schedule]
countdown = 10

[[schedule.hours]]
from = "09:00"
to = "21:00"

[[schedule.daypart]]
id = "morning"
from = "09:00"
to = "13:00"
entities = ["mict", "moi"]
attract = ["mict/government-cloud"]

[[schedule.daypart]]
id = "afternoon"
from = "13:00"
to = "21:00"
entities = ["mada"]

[[schedule.interrupt]]
id = "opening-ceremony"
dates = ["2015-11-25"]
from = "10:00"
to = "10:30"
title = { ar = "حفل افتتاح جناح دولة قطر", en = "The opening ceremony of Qatar's pavilion" }
slides = ["mict/government-cloud", "mada/mawared"]
"""

BAHRAIN = timezone(timedelta(hours=3))


def pavilion(hh: int, mm: int = 0, day: int = 25) -> datetime:
    """A time in Bahrain on a day of the show (25 or 26 November 2015), as UTC."""
    return datetime(2015, 11, day, hh, mm, tzinfo=BAHRAIN).astimezone(UTC)


def scheduled_bundle(dest: Path, schedule: str = SCHEDULE) -> Path:
    """The sample bundle with ``schedule`` in its bundle.toml, at ``dest``."""
    try:
        shutil.copytree(SAMPLE_BUNDLE, dest, copy_function=os.link)
    except OSError:  # another file system: copies
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(SAMPLE_BUNDLE, dest)
    manifest = dest / "bundle.toml"
    text = manifest.read_text("utf-8")
    manifest.unlink()  # a link: the sample's own must not change
    manifest.write_text(text + schedule, "utf-8")
    return dest
