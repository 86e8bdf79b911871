"""The on-screen keyboard: it never covers "are you still there?", and a phone field's pad
types "+974 …"."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem

from kiosk.clock import ManualClock
from kiosk.qt.controller import Pages
from kiosk.qt.layoutcheck import scene_rect
from kiosk.qt.testing import Kiosk, visible_items, wait_until
from tests import props

MakeKiosk = Callable[..., Kiosk]


def phone_field(k: Kiosk) -> str:
    """Open the first demo form with a phone field; its objectName."""
    k.controller.touch()
    for entity in k.bundle.entities:
        for demo in entity.demos:
            for screen_id, _index, _target in demo.route_to_end():
                screen = demo.screen(screen_id)
                for i, item in enumerate(screen.items):
                    if item.type == "field" and item.input == "phone":
                        k.controller.openEntity(entity.id)
                        k.controller.openDemo(demo.id)
                        for sid, _i, target in demo.route_to_end():
                            if sid == screen_id:
                                break
                            k.controller.follow(target)
                        return f"field-{i}"
    raise AssertionError("the sample bundle has no phone field")


def type_in(k: Kiosk, name: str) -> QQuickItem:
    """Tap the field: the keyboard comes up, with the field in sight above it."""
    k.tap(name)
    assert wait_until(lambda: QGuiApplication.inputMethod().isVisible())
    field = k.item(name)
    assert wait_until(lambda: k.find("keyboard") is not None)
    keyboard = k.item("keyboard")
    assert wait_until(
        lambda: (
            keyboard.y() < k.window.height() - 100
            and scene_rect(field).bottom() <= scene_rect(keyboard).top()
        )
    ), "the field is under the keyboard"
    return field


def keyboard_rect(k: Kiosk) -> QRectF:
    """What the keyboard covers now (nothing when it is down)."""
    keyboard = k.find("keyboard")
    if keyboard is None or keyboard.y() >= k.window.height():
        return QRectF()
    return scene_rect(keyboard)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_keyboard_steps_down_for_the_idle_question_and_comes_back_after_it(
    make_kiosk: MakeKiosk, clock: ManualClock, lang: str
) -> None:
    k = make_kiosk(language=lang)
    name = phone_field(k)
    field = type_in(k, name)
    field.setProperty("text", "5555")  # what the visitor had typed

    clock.advance(k.bundle.idle.timeout + 1)
    overlay = k.wait_item("idleOverlay")
    assert wait_until(lambda: overlay.property("opacity") == 1.0)
    button = k.wait_item("idleContinue")
    # the keyboard has stepped down: the whole question and its button are in sight
    assert wait_until(lambda: k.find("keyboard") is None), "the keyboard covers the question"
    box = scene_rect(button)
    assert box.top() >= 0 and box.bottom() <= k.window.height()
    assert not box.intersects(keyboard_rect(k))
    for text in (i for i in visible_items(overlay) if i.inherits("QQuickText")):
        assert not scene_rect(text).intersects(keyboard_rect(k))

    k.tap("idleContinue")
    assert wait_until(lambda: not props.idleWarning(k.controller))
    assert props.page(k.controller) == Pages.Page.Demo
    # back to the field, as it was: the keyboard up again, the field typed in and in sight
    assert wait_until(lambda: QGuiApplication.inputMethod().isVisible())
    assert wait_until(lambda: k.find("keyboard") is not None and keyboard_rect(k).height() > 0)
    assert k.window.activeFocusItem() is k.item(name)
    assert k.item(name).property("text") == "5555"
    assert wait_until(lambda: scene_rect(k.item(name)).bottom() <= keyboard_rect(k).top())


def key(k: Kiosk, text: str) -> QQuickItem:
    """The on-screen key that types ``text``."""
    keys = [
        i
        for i in visible_items(k.item("keyboard"))
        if i.metaObject().indexOfProperty("displayText") >= 0 and i.property("text") == text
    ]
    assert keys, f"the keyboard has no {text!r} key"
    return keys[0]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_phone_number_with_its_plus_is_typed_on_the_keys(
    make_kiosk: MakeKiosk, lang: str
) -> None:
    k = make_kiosk(language=lang)
    field = type_in(k, phone_field(k))
    scale = min(k.window.width(), k.window.height()) / 1080
    for c in "+974 5555 1234":
        target = key(k, c)
        box = scene_rect(target)
        assert min(box.width(), box.height()) >= 72 * scale, f"the {c!r} key is too small"
        k.tap_at(k.centre(target))
    assert wait_until(lambda: field.property("text") == "+974 5555 1234"), field.property("text")
    assert field.property("displayText") == "+974 5555 1234"
