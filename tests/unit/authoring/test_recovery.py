"""Autosave, crash recovery and the lock: a crash loses at most one autosave interval, and a
second Studio on the same folder is warned."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest

from kiosk.authoring import (
    AddEntity,
    DeleteEntity,
    Project,
    SetText,
    entity_file,
    holder,
    recoverable,
)
from kiosk.authoring import lock as lockmod
from kiosk.bundle import pack, validate
from kiosk.bundle.media import STUDIO_LOCK, STUDIO_RECOVERY

ENTITY = entity_file("example")


def test_autosave_writes_only_when_something_changed(project: Project) -> None:
    assert not project.autosave()
    project.history.push(SetText(ENTITY, ("name",), "en", "Unsaved"))
    assert project.autosave()
    assert not project.autosave()  # nothing new
    journal = json.loads((project.root / STUDIO_RECOVERY / "journal.json").read_text("utf-8"))
    assert list(journal["files"]) == [ENTITY]
    assert 'en = "Unsaved"' in journal["files"][ENTITY]
    assert (project.root / ENTITY).read_text("utf-8").count("Unsaved") == 0


def test_after_a_crash_the_unsaved_state_is_restored(project: Project) -> None:
    project.history.push(SetText(ENTITY, ("name",), "en", "Unsaved"))
    project.history.push(AddEntity("second"))
    project.autosave()
    # the Studio dies here; another opens the folder
    assert recoverable(project.root) is not None
    reopened = Project.open(project.root)
    assert reopened.entity_ids == ["example"]
    assert reopened.restore()
    assert reopened.entity_ids == ["example", "second"]
    assert reopened.entity("example")["name"]["en"] == "Unsaved"
    assert reopened.dirty
    assert reopened.history.undo_label is not None
    assert reopened.history.undo_label.en == "Restore unsaved work"
    reopened.save()
    assert recoverable(project.root) is None
    assert not (project.root / STUDIO_RECOVERY).exists()
    assert (project.root / "entities/second/entity.toml").is_file()


def test_a_deleted_entity_stays_deleted_after_recovery(project: Project) -> None:
    project.history.push(AddEntity("second"))
    project.save()
    project.history.push(DeleteEntity("second"))
    project.autosave()
    reopened = Project.open(project.root)
    assert reopened.entity_ids == ["example", "second"]
    reopened.restore()
    assert reopened.entity_ids == ["example"]
    assert entity_file("second") not in reopened.docs


def test_the_journal_says_when_the_disk_changed_after_it(project: Project) -> None:
    project.history.push(SetText(ENTITY, ("name",), "en", "Unsaved"))
    project.autosave()
    (project.root / ENTITY).write_text(
        (project.root / ENTITY).read_text("utf-8") + "\n# by hand\n", "utf-8"
    )
    journal = recoverable(project.root)
    assert journal is not None and journal.disk_changed == [ENTITY]


def test_undoing_back_to_the_disk_removes_the_journal(project: Project) -> None:
    project.history.push(SetText(ENTITY, ("name",), "en", "Unsaved"))
    project.autosave()
    project.history.undo()
    project.autosave()
    assert recoverable(project.root) is None


def test_a_kill_9_loses_nothing_older_than_the_last_autosave(project: Project) -> None:
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from kiosk.authoring import Project, SetText\n"
        "p = Project.open(Path(sys.argv[1]))\n"
        "p.take_lock()\n"
        "p.history.push(SetText('entities/example/entity.toml', ('name',), 'en', 'Kept'))\n"
        "p.autosave()\n"
        "p.history.push(SetText('entities/example/entity.toml', ('name',), 'ar', 'lost'))\n"
        "os.kill(os.getpid(), 9)\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(project.root)], timeout=60)
    assert out.returncode == -9
    assert (project.root / STUDIO_LOCK).exists()  # left behind by the dead Studio
    assert holder(project.root) is None  # stale: its process is gone
    journal = recoverable(project.root)
    assert journal is not None
    reopened = Project.open(project.root)
    reopened.restore(journal)
    assert reopened.entity("example")["name"]["en"] == "Kept"
    assert reopened.entity("example")["name"]["ar"] == "جهة حكومية"


def test_the_studio_files_are_not_validated_packed_or_installed(
    project: Project, tmp_path: Path
) -> None:
    project.history.push(SetText(ENTITY, ("name",), "en", "Unsaved"))
    project.autosave()
    project.take_lock()
    (project.root / ".studio-trash" / "old").mkdir(parents=True)
    (project.root / ".studio-trash" / "old" / "entity.toml").write_text("x = 1")
    report = validate(project.root)
    assert report.ok and report.warnings == []
    out = tmp_path / "b.zip"
    assert pack(project.root, out).ok
    names = zipfile.ZipFile(out).namelist()
    assert not [n for n in names if n.startswith(".studio")]
    from kiosk.store.store import _left_out

    assert _left_out(PurePosixPath(STUDIO_RECOVERY, "journal.json"))


def test_a_second_studio_is_warned_and_told_who(project: Project) -> None:
    assert project.take_lock() is None
    info = lockmod._read(project.root)
    assert info is not None and info.pid == os.getpid()
    # the same folder as another process on this computer sees it
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        data = json.loads((project.root / STUDIO_LOCK).read_text("utf-8"))
        data["pid"] = alive.pid
        (project.root / STUDIO_LOCK).write_text(json.dumps(data), "utf-8")
        other = holder(project.root)
        assert other is not None and other.pid == alive.pid
        assert other.host in other.message().en and "close it there first" in other.message().en
        assert other.host in other.message().ar
        assert recoverable(project.root) is None  # that Studio is still running
    finally:
        alive.kill()
        alive.wait()
    assert holder(project.root) is None  # now a dead pid on this host: stale


def test_a_lock_from_another_computer_always_warns(project: Project) -> None:
    lock = {"pid": 1, "host": "booth-laptop-2", "user": "staff", "since": "2015-11-25T09:00:00"}
    (project.root / STUDIO_LOCK).write_text(json.dumps(lock), "utf-8")
    other = holder(project.root)
    assert other is not None and other.host == "booth-laptop-2"
    assert "staff" in other.message().en and "2015-11-25 09:00" in other.message().en


def test_close_releases_only_its_own_lock(project: Project) -> None:
    project.take_lock()
    project.close()
    assert not (project.root / STUDIO_LOCK).exists()
    project.take_lock()
    (project.root / STUDIO_LOCK).write_text('{"pid": 1, "host": "x", "user": "y", "since": "z"}')
    project.close()
    assert (project.root / STUDIO_LOCK).exists()


@pytest.mark.parametrize("content", ["", "not json", '{"pid": "x"}'])
def test_an_unreadable_lock_is_no_warning(project: Project, content: str) -> None:
    (project.root / STUDIO_LOCK).write_text(content)
    assert holder(project.root) is None
