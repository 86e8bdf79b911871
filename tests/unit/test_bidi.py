"""Arabic paragraphs run right to left whatever they start with; numbers, addresses, the
author's isolates and English text are left as written."""

from __future__ import annotations

import pytest

from kiosk.bidi import JOIN_MOST, NBSP, RLM, for_display


def test_an_arabic_paragraph_that_starts_with_a_latin_word_gets_a_right_to_left_mark() -> None:
    assert for_display("Cloud الحكومية", "ar") == RLM + "Cloud الحكومية"


def test_each_paragraph_is_its_own() -> None:
    text = "السحابة الحكومية\nCloud الحكومية\n2015 Cloud"
    assert for_display(text, "ar") == f"السحابة الحكومية\n{RLM}Cloud الحكومية\n2015 Cloud"


def test_a_latin_run_inside_arabic_is_marked_and_kept_on_one_line() -> None:
    # a line of the paragraph that starts at the run still runs right to left (an elided
    # last line is laid out on its own), and "Government Cloud" never breaks in two
    text = "السحابة الإلكترونية الحكومية (Government Cloud) توفر الخدمات"
    assert for_display(text, "ar") == (
        f"السحابة الإلكترونية الحكومية {RLM}(Government{NBSP}Cloud) توفر الخدمات"
    )


def test_a_long_latin_run_may_still_wrap() -> None:
    run = " ".join(["word"] * (JOIN_MOST // 4))
    assert len(run) > JOIN_MOST
    assert for_display(f"قال {run} اليوم", "ar") == f"قال {RLM}{run} اليوم"


@pytest.mark.parametrize(
    "text",
    [
        "السحابة الحكومية",  # already right to left
        "عام 2015 م",  # numbers order themselves
        "اتصل على +974 5555 1234 الآن",
        "DEMO-3107",  # no Arabic letters: as written
        "",
    ],
)
def test_what_already_runs_right_is_unchanged(text: str) -> None:
    assert for_display(text, "ar") == text


def test_addresses_and_the_authors_isolates_are_not_cut_into() -> None:
    url = "زوروا www.hukoomi.gov.qa اليوم"
    assert for_display(url, "ar") == f"زوروا {RLM}www.hukoomi.gov.qa اليوم"
    isolated = "\u2066Government Cloud\u2069 هي"
    assert for_display(isolated, "ar") == RLM + isolated  # nothing inside the isolate


def test_english_is_untouched() -> None:
    text = "Cloud services (الخدمات) for 2015"
    assert for_display(text, "en") == text


def test_preparing_twice_changes_nothing_more() -> None:
    text = "Cloud الحكومية (Government Cloud) توفر\nwww.hukoomi.gov.qa"
    once = for_display(text, "ar")
    assert for_display(once, "ar") == once
