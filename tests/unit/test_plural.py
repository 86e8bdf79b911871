"""Count words agree with their number: Arabic's six CLDR categories, English's two."""

from __future__ import annotations

import pytest

from kiosk.plural import STEP, arabic_category

ARABIC = {
    0: ("zero", "لا خطوات"),
    1: ("one", "خطوة واحدة"),
    2: ("two", "خطوتان"),
    3: ("few", "3 خطوات"),
    10: ("few", "10 خطوات"),
    11: ("many", "11 خطوة"),
    99: ("many", "99 خطوة"),
    100: ("other", "100 خطوة"),
    101: ("other", "101 خطوة"),
    102: ("other", "102 خطوة"),
    103: ("few", "103 خطوات"),
    111: ("many", "111 خطوة"),
}


@pytest.mark.parametrize("n", sorted(ARABIC))
def test_arabic_counts_take_the_form_cldr_gives_their_number(n: int) -> None:
    category, phrase = ARABIC[n]
    assert arabic_category(n) == category
    assert STEP.count(n, "ar") == phrase


@pytest.mark.parametrize(
    ("n", "phrase"),
    [(0, "0 steps"), (1, "1 step"), (2, "2 steps"), (11, "11 steps"), (101, "101 steps")],
)
def test_english_counts_are_one_step_or_n_steps(n: int, phrase: str) -> None:
    assert STEP.count(n, "en") == phrase


def test_counts_give_each_language_for_qml() -> None:
    assert STEP.counts(2) == {"ar": "خطوتان", "en": "2 steps"}
