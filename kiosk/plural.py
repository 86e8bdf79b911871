"""Count words that agree with their number, in Arabic and English.

Arabic has six plural categories (CLDR, "ar"): zero (0), one (1), two (2), few (n % 100 in
3..10), many (n % 100 in 11..99) and other (100, 101, 102, 1000...). Each takes its own form
of the noun: "خطوة واحدة", "خطوتان", "3 خطوات", "11 خطوة", "100 خطوة". English has one and
other. Pure Python: the Qt layer hands the phrases to QML as ``{"ar": ..., "en": ...}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ArabicCategory = Literal["zero", "one", "two", "few", "many", "other"]
EnglishCategory = Literal["one", "other"]


def arabic_category(n: int) -> ArabicCategory:
    """The CLDR plural category of the count ``n`` in Arabic."""
    if n == 0:
        return "zero"
    if n == 1:
        return "one"
    if n == 2:
        return "two"
    if 3 <= n % 100 <= 10:
        return "few"
    if 11 <= n % 100 <= 99:
        return "many"
    return "other"


def english_category(n: int) -> EnglishCategory:
    return "one" if n == 1 else "other"


@dataclass(frozen=True)
class Noun:
    """A counted noun: a phrase per plural category; ``{n}`` is the number."""

    ar: dict[ArabicCategory, str]
    en: dict[EnglishCategory, str]

    def count(self, n: int, language: str) -> str:
        """``n`` of this noun, as a visitor reads it in ``language`` (English otherwise)."""
        if language == "ar":
            return self.ar[arabic_category(n)].format(n=n)
        return self.en[english_category(n)].format(n=n)

    def counts(self, n: int) -> dict[str, str]:
        """``n`` of this noun in each language, as QML's ``Theme.tr()`` takes it."""
        return {"ar": self.count(n, "ar"), "en": self.count(n, "en")}


STEP = Noun(
    ar={
        "zero": "لا خطوات",
        "one": "خطوة واحدة",
        "two": "خطوتان",
        "few": "{n} خطوات",
        "many": "{n} خطوة",
        "other": "{n} خطوة",
    },
    en={"one": "1 step", "other": "{n} steps"},
)
"""A demo's steps (its screens)."""
