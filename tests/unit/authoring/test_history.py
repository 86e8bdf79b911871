"""The undo history: push, undo, redo, the clean mark, and a label for each step."""

from __future__ import annotations

from kiosk.authoring import History, Label, Project, SetText, SetValue, entity_file

ENTITY = entity_file("example")


def name(value: str) -> SetText:
    return SetText(ENTITY, ("name",), "en", value)


def test_undo_redo_and_labels(project: Project) -> None:
    h = project.history
    assert (h.can_undo, h.can_redo, h.undo_label) == (False, False, None)
    h.push(name("A"))
    h.push(SetValue(ENTITY, ("accent",), "#1D6B44"))
    assert h.undo_label == Label("تغيير اللون", "Change the colour")
    assert h.undo()
    assert h.redo_label == Label("تغيير اللون", "Change the colour")
    assert h.redo()
    assert not h.redo()
    assert h.index == 2


def test_clean_and_dirty_follow_the_save(project: Project) -> None:
    h = project.history

    def state() -> tuple[bool, bool]:
        return h.clean, project.dirty

    assert state() == (True, False)
    h.push(name("A"))
    assert state() == (False, True)
    project.save()
    assert state() == (True, False)
    h.undo()
    assert state() == (False, True)
    h.redo()
    assert state() == (True, False)


def test_an_edit_after_saving_is_its_own_step(project: Project) -> None:
    h = project.history
    h.push(name("A"))
    project.save()
    h.push(name("AB"))
    assert len(h) == 2
    h.undo()
    assert h.clean


def test_a_push_after_undo_drops_the_redo_and_the_lost_clean_mark(project: Project) -> None:
    h = project.history
    h.push(name("A"))
    h.push(SetValue(ENTITY, ("accent",), "#1D6B44"))
    project.save()
    h.undo()
    h.undo()
    h.push(SetValue(ENTITY, ("logo",), "other.png"))
    assert not h.can_redo and len(h) == 1
    assert not h.clean
    h.undo()
    assert not h.clean  # the saved state is out of reach


def test_the_oldest_steps_are_forgotten_past_the_limit(project: Project) -> None:
    h = History(project, limit=3)
    for i in range(5):
        h.push(SetValue(ENTITY, ("slides", 0, "duration"), 10 + i))
        h.push(name(f"n{i}"))
    assert len(h) == 3
    while h.undo():
        pass
    assert h.index == 0


def test_listeners_hear_each_change(project: Project) -> None:
    calls: list[int] = []
    project.history.add_listener(lambda: calls.append(project.history.index))
    project.history.push(name("A"))
    project.history.undo()
    project.history.clear()
    assert calls == [1, 0, 0]


def test_a_value_changed_then_removed_comes_back_on_undo(project: Project) -> None:
    # found by the undo property test: the two steps on one field were merged, and undo put
    # the old colour back nowhere
    before = project.text(ENTITY)
    assert 'accent = "' in before
    h = project.history
    h.push(SetValue(ENTITY, ("accent",), "#112233"))
    h.push(SetValue(ENTITY, ("accent",), None))  # back to the default: the key goes
    assert "accent" not in project.text(ENTITY)
    while h.undo():
        pass
    assert project.text(ENTITY) == before
