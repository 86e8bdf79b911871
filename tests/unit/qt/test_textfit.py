"""kiosk.qt.textfit: the kiosk's own layout says which texts scroll at 1920x1080."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.bundle.textfit import Overflow
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.textfit import check_fit

LONG_AR = "تتشارك الجهات الحكومية بنية تحتية وخدمات واحدة في السحابة الحكومية. " * 14


def test_only_the_long_arabic_slide_scrolls_and_the_sample_fits(tmp_path: Path) -> None:
    # the sample as it ships fits at 1080p in both languages; one Arabic body made long
    # does not, even a size smaller: that slide, in Arabic, and nothing else
    root = tmp_path / "bundle"
    shutil.copytree(SAMPLE_BUNDLE, root)
    toml = root / "entities" / "mict" / "entity.toml"
    text = toml.read_text("utf-8")
    short = "حين تتشارك الجهات الحكومية بنية تحتية وخدمات واحدة"
    assert short in text
    toml.write_text(text.replace(short, LONG_AR, 1), "utf-8")

    found = check_fit(root)

    assert [(o.entity, o.slide, o.part, o.language) for o in found] == [("mict", 1, "text", "ar")]
    (o,) = found
    assert isinstance(o, Overflow) and o.needed > o.room > 0
