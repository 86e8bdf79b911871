"""A worker's copy of a project (kiosk/authoring/worker_copy.py): it starts from the unsaved
edits, changes nothing of the original, and its edits come back as one undo step."""

from __future__ import annotations

from kiosk.authoring import InsertItem, Project, SetText, entity_file, lookup
from kiosk.authoring.labels import Label
from kiosk.authoring.worker_copy import Batch, WorkerCopy, same_state, take

FILE = entity_file("example")


def test_a_copy_starts_from_the_unsaved_edits_and_its_edits_come_back_as_one_step(
    project: Project,
) -> None:
    project.history.push(SetText(FILE, ("name",), "en", "Unsaved name"))
    disk = (project.root / FILE).read_bytes()
    before = project.text(FILE)
    taken = take(project)

    copy = WorkerCopy(taken)
    assert lookup(copy.document(FILE), ("name", "en")) == "Unsaved name"
    copy.history.push(SetText(FILE, ("name",), "en", "Imported"))
    slide = {"id": "deck-p01", "kind": "image", "image": "slides/p01.png"}
    copy.history.push(InsertItem(FILE, ("slides",), slide))
    assert project.text(FILE) == before  # the original is untouched until the step comes back
    assert same_state(project, taken)

    heard: list[set[str]] = []
    project.add_listener(heard.append)
    steps = len(project.history)
    project.history.push(Batch(Label("استيراد", "Import"), copy.edits()))
    assert len(project.history) == steps + 1
    assert heard == [{FILE}]  # one change told, not one per command
    assert lookup(project.document(FILE), ("name", "en")) == "Imported"
    slides = lookup(project.document(FILE), ("slides",))
    assert isinstance(slides, list) and slides[-1]["id"] == "deck-p01"
    assert not same_state(project, taken)

    project.history.undo()
    assert project.text(FILE) == before
    assert (project.root / FILE).read_bytes() == disk  # nothing was written
