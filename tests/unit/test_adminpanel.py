"""kiosk.adminpanel: what the staff panel shows, and the sentences it says, in both languages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from kiosk import adminpanel as ap
from kiosk.analytics.store import Status
from kiosk.bundle import Report, init, pack
from kiosk.config import Config
from kiosk.store import BundleStore, InstallOptions
from kiosk.store.drop import Checked, Scan

ARABIC = re.compile("[\u0600-\u06ff]")


def config(tmp_path: Path, **kw: Any) -> Config:
    return Config(path=tmp_path / "kiosk.toml", data_dir=tmp_path / "data", **kw)


SENTENCES: list[ap.Said] = [
    ap.NO_PIN,
    ap.CANCELLED,
    ap.NO_PREVIOUS,
    ap.SAVED_LANGUAGE,
    ap.locked(29.2),
    ap.wrong_pin(3),
    ap.installed("pavilion-1.0.0-abc"),
    ap.not_installed("bundle.toml: id: missing"),
    ap.unreadable("pavilion.zip", "No such device"),
    ap.rolled_back("pavilion-0.9.0-abc"),
    ap.not_rolled_back("the store is busy"),
    ap.not_saved("Read-only file system"),
    ap.ActiveBundle("x", "1", "").detail,
    ap.ActiveBundle("x", "1", "x-1-a", "2026-12-03", "signed").detail,
    ap.ActiveBundle("x", "1", "x-1-a", "2026-12-03", "forced").detail,
    ap.ActiveBundle("x", "1", "x-1-a", "", "unsigned").detail,
    ap.TodayFigures(3, 40).said(12),
    ap.TodayFigures(error="database disk image is malformed").said(0),
]


@pytest.mark.parametrize("said", SENTENCES, ids=lambda s: s.en[:40])
def test_every_sentence_to_staff_is_in_arabic_and_in_english(said: ap.Said) -> None:
    assert ARABIC.search(said.ar), said
    assert said.en and not ARABIC.search(said.en), said
    assert said.qml() == {"ar": said.ar, "en": said.en}


def test_a_detail_from_elsewhere_is_quoted_in_both_languages() -> None:
    """Validation problems and system errors name the file, the field and the fix in
    English; staff search for that text, so both languages carry it unchanged."""
    why = "entities/mict/entity.toml: slides[2].image: not found. Fix: add the file"
    said = ap.not_installed(why)
    assert why in said.ar and why in said.en


def test_the_lockout_says_the_seconds_it_enforces_rounded_up() -> None:
    assert "30" in ap.locked(29.01).en and "30" in ap.locked(29.01).ar
    assert "1 s" in ap.locked(0.2).en


def test_the_panel_names_a_sample_bundle_and_an_installed_one(tmp_path: Path) -> None:
    store = BundleStore(tmp_path / "data")
    view = ap.read_store_view(
        store, config(tmp_path), ("qatar-gcc-egov-2015", "1.0.0"), tmp_path / "k.db", Status()
    )
    assert view.active.title == "qatar-gcc-egov-2015 1.0.0"
    assert view.active.detail.en == "sample bundle (nothing installed)"
    assert view.previous == "" and view.warnings == ()

    init(tmp_path / "src")
    assert pack(tmp_path / "src", tmp_path / "b.zip").ok
    item = store.install(tmp_path / "b.zip", InstallOptions())
    view = ap.read_store_view(store, config(tmp_path), ("x", "0"), tmp_path / "k.db", Status())
    assert view.active.folder == item.name
    assert view.active.title == f"{item.bundle_id} {item.version}"
    assert view.active.detail.en == f"unsigned · installed {item.installed_utc}"


def test_a_writer_that_cannot_save_is_a_warning_with_its_reason(tmp_path: Path) -> None:
    writer = Status(ok=False, last_error="disk I/O error")
    view = ap.read_store_view(
        BundleStore(tmp_path / "data"), config(tmp_path), ("x", "1"), tmp_path / "k.db", writer
    )
    assert [w.en for w in view.warnings] == ["Events are not being saved: disk I/O error"]
    assert "disk I/O error" in view.warnings[0].ar


def test_a_nearly_full_disk_is_a_warning_that_names_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = config(tmp_path)
    cfg.data_dir.mkdir()
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(
        "kiosk.adminpanel.shutil.disk_usage", lambda _p: usage._replace(free=300_000_000)
    )
    view = ap.read_store_view(BundleStore(cfg.data_dir), cfg, ("x", "1"), tmp_path / "k", Status())
    (warning,) = view.warnings
    assert warning.en == f"Disk nearly full: 0.3 GB free in {cfg.data_dir}"
    assert str(cfg.data_dir) in warning.ar


def test_unusable_trusted_keys_are_a_warning_without_reading_a_file(tmp_path: Path) -> None:
    cfg = config(tmp_path, trusted_keys_unusable=True)
    assert cfg.signature_problem
    (warning,) = ap.config_warnings(cfg)
    assert warning.en == cfg.signature_problem and cfg.signature_problem in warning.ar
    assert ap.config_warnings(config(tmp_path)) == ()


def _checked(path: Path, problems: int) -> Checked:
    report = Report(str(path))
    for i in range(problems):
        report.error(f"entities/e{i}/entity.toml", "name", "missing", "add it", "missing")
    return Checked(path, report, "pavilion", "2.0.0")


def test_found_bundles_say_checking_valid_or_why_not(tmp_path: Path) -> None:
    found = ap.found_bundles(
        {
            tmp_path / "c.zip": None,
            tmp_path / "a.zip": _checked(tmp_path / "a.zip", 0),
            tmp_path / "b.zip": _checked(tmp_path / "b.zip", 12),
        }
    )
    assert [f.name for f in found] == ["a.zip", "b.zip", "c.zip"]
    good, bad, checking = found
    assert good.valid and good.qml()["title"] == "pavilion 2.0.0"
    assert good.qml()["state"] == {"ar": "✓ سليمة", "en": "✓ valid"}
    assert not bad.valid and len(bad.problems) == ap.PROBLEMS_SHOWN
    assert "entities/e0/entity.toml" in bad.problems[0]
    assert checking.checking and not checking.valid and checking.qml()["title"] == ""


def test_a_scan_that_left_things_out_says_what_to_do(tmp_path: Path) -> None:
    assert not ap.scan_note(Scan([]))
    note = ap.scan_note(Scan([], crowded=(tmp_path,), max_entries=5000, more_bundles=True))
    assert str(tmp_path) in note.en and "5,000" in note.en and "Keep only bundles" in note.en
    assert "Remove the ones you do not need" in note.en
    assert str(tmp_path) in note.ar and "5,000" in note.ar and ARABIC.search(note.ar)


def test_todays_figures_name_the_most_visited_entities_in_each_language() -> None:
    top = (ap.TopEntity("وزارة الداخلية", "Ministry of Interior", 7),)
    said = ap.TodayFigures(12, 300, top).said(41)
    assert said.en == (
        "12 visitor sessions  ·  41 events logged since start\nMinistry of Interior (7)"
    )
    assert said.ar.endswith("وزارة الداخلية (7)") and said.ar.startswith("12 ")


def test_no_database_yet_is_no_visitors_not_an_error(tmp_path: Path) -> None:
    assert ap.read_today(tmp_path / "none.db", "2026-12-03") == ap.TodayFigures()
