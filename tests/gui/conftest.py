from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QGuiApplication

from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.testing import Kiosk, settle, start_kiosk
from tests.fakes import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_kiosk(qapp: QGuiApplication, clock: FakeClock) -> Iterator[Callable[..., Kiosk]]:
    made: list[Kiosk] = []

    def make(language: str = "ar", width: int = 1920, height: int = 1080) -> Kiosk:
        k = start_kiosk(SAMPLE_BUNDLE, width=width, height=height, language=language, clock=clock)
        made.append(k)
        return k

    yield make
    for k in made:
        k.close()
    settle(20)
