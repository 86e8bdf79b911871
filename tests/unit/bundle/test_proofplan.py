"""What the sign-off proof lists, page by page (kiosk.bundle.proofplan; no Qt)."""

from __future__ import annotations

from pathlib import Path

from kiosk.bundle import load
from kiosk.bundle.proofplan import INDEX_ROWS, plan
from kiosk.paths import SAMPLE_BUNDLE


def test_every_slide_and_demo_screen_is_a_view_after_home() -> None:
    bundle = load(SAMPLE_BUNDLE)
    p = plan(bundle, ["ar", "en"], ["landscape", "portrait"])
    slides = sum(len(e.slides) for e in bundle.entities)
    screens = sum(len(d.screens) for e in bundle.entities for d in e.demos)
    assert [v.kind for v in p.views].count("slide") == slides
    assert [v.kind for v in p.views].count("screen") == screens
    assert p.views[0].kind == "home"
    assert len(p.views) == 1 + slides + screens
    # each shape, then each language in it; pages numbered after the cover and the index
    assert [(v.shape, v.lang) for v in p.variants] == [
        ("landscape", "ar"),
        ("landscape", "en"),
        ("portrait", "ar"),
        ("portrait", "en"),
    ]
    index_pages = -(-len(p.views) // INDEX_ROWS)
    assert p.page_of(0, 0) == 2 + index_pages
    assert p.page_of(0, 1) == 2 + index_pages + len(p.views)
    assert p.pages == 1 + index_pages + 4 * len(p.views)


def test_a_screen_lists_its_numbered_hotspots_with_where_they_lead_and_their_hints() -> None:
    bundle = load(SAMPLE_BUNDLE)
    review = next(v for v in plan(bundle, ["ar"], ["landscape"]).views if v.screen_id == "review")
    labels = [t.label for t in review.texts]
    assert labels[:3] == ["entity", "demo title", "instruction (screen title)"]
    assert "hotspot 1 → screen submitted · hint" in labels
    assert "hotspot 2 → screen details · hint" in labels
    hint = next(t for t in review.texts if t.label.startswith("hotspot 1"))
    assert hint.text.get("en") == "The ‘Submit request’ button at the bottom of the screen"
    assert [s.number for s in review.spots] == [1, 2]


def test_an_entitys_page_texts_come_with_its_first_slide(bundle_dir: Path) -> None:
    views = plan(load(bundle_dir), ["ar", "en"], ["landscape"]).views
    first, second = (v for v in views if v.kind == "slide")
    assert "demo card first-demo · title" in [t.label for t in first.texts]
    assert "demo card first-demo · title" not in [t.label for t in second.texts]
    assert [t.label for t in first.texts][:2] == ["entity", "title"]
    # the form's texts, each named for what it is
    apply = next(v for v in views if v.screen_id == "apply")
    assert [t.label for t in apply.texts][3:] == [
        "item 1 header",
        "item 2 field · label",
        "item 3 button · label → the end of the demo",
    ]
