from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from kiosk.clock import ManualClock
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.testing import Kiosk, settle, start_kiosk


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def make_kiosk(qapp: QGuiApplication, clock: ManualClock) -> Iterator[Callable[..., Kiosk]]:
    made: list[Kiosk] = []

    def make(
        language: str = "ar", width: int = 1920, height: int = 1080, db: Path | None = None
    ) -> Kiosk:
        k = start_kiosk(
            SAMPLE_BUNDLE, width=width, height=height, language=language, clock=clock, db=db
        )
        made.append(k)
        return k

    yield make
    for k in made:
        k.close()
    settle(20)
