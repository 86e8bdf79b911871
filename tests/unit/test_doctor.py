"""``kiosk doctor``'s checks, one by one (the Qt probe's findings as plain data)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from kiosk import doctor as d
from kiosk.admin import FREE_TRIES, PinLock, hash_pin
from kiosk.analytics import EventLog
from kiosk.analytics.store import status_path
from kiosk.bundle import init
from kiosk.clock import ManualClock
from kiosk.config import Config
from kiosk.doctor import CheckResult, DiskUsage, Level
from kiosk.store import BundleStore, InstallOptions


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)


def test_result_lines_say_level_check_message_and_fix() -> None:
    r = CheckResult("disk", Level.FAIL, "only 100 MB free", "free space", ("a", "b"))
    head, *rest = r.lines()
    assert head.split()[:2] == ["FAIL", "disk"]
    assert head.endswith("only 100 MB free -- fix: free space")
    assert [x.strip() for x in rest] == ["a", "b"]
    assert CheckResult("disk", Level.OK, "fine").lines() == ["OK    disk        fine"]


def test_worst() -> None:
    ok, warn, fail = (CheckResult("x", lv, "") for lv in Level)
    assert d.worst([ok, ok]) is Level.OK
    assert d.worst([ok, warn]) is Level.WARN
    assert d.worst([warn, fail, ok]) is Level.FAIL


# --- config and admin -------------------------------------------------------------------------


def test_a_broken_config_fails_naming_each_field_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('screen = 99\n[idle]\ntimeout = 5\nkiosk_id = "x"\n', "utf-8")
    cfg, r = d.check_config(path)
    assert r.level is Level.FAIL and str(path) in r.message and "3 errors" in r.message
    assert f"kiosk config check --config {path}" in r.fix
    text = "\n".join(r.details)
    assert "screen: 99 is out of range -- fix: use a whole number from 0 to 15" in text
    assert "idle.timeout: 5 is out of range -- fix: use a number of seconds from 10 to 3600" in text
    assert "idle.kiosk_id" in text and "above the first [section]" in text
    assert cfg.screen == 0  # the default is used in its place


def test_a_missing_or_valid_config_is_ok(tmp_path: Path) -> None:
    assert d.check_config(tmp_path / "none.toml")[1].level is Level.OK
    (tmp_path / "ok.toml").write_text("screen = 1\n", "utf-8")
    cfg, r = d.check_config(tmp_path / "ok.toml")
    assert (r.level, cfg.screen) == (Level.OK, 1)


def test_config_warnings_warn(tmp_path: Path) -> None:
    (tmp_path / "w.toml").write_text('drop_folders = ["/a", "/a"]\n', "utf-8")
    assert d.check_config(tmp_path / "w.toml")[1].level is Level.WARN


def test_admin_check(tmp_path: Path) -> None:
    clock = ManualClock(1_448_400_000.0)
    assert d.check_admin(Config(tmp_path / "k.toml", data_dir=tmp_path)).level is Level.WARN
    cfg = Config(tmp_path / "k.toml", data_dir=tmp_path, pin_hash=hash_pin("1234"))
    assert d.check_admin(cfg, clock).level is Level.OK
    lock = PinLock.in_data_dir(tmp_path, clock)
    for _ in range(FREE_TRIES):
        lock.attempt("0000", cfg.pin_hash or "")
    r = d.check_admin(cfg, clock)
    assert (
        r.level is Level.WARN and "locked for 30 s" in r.message and "kiosk admin unlock" in r.fix
    )


# --- disk and database ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("free", "level"),
    [
        (5 * d.GB, Level.OK),
        (d.GB, Level.OK),
        (999 * d.MB, Level.WARN),
        (200 * d.MB, Level.WARN),
        (199 * d.MB, Level.FAIL),
        (0, Level.FAIL),
    ],
)
def test_disk_space_thresholds(tmp_path: Path, free: int, level: Level) -> None:
    seen: list[Path] = []

    def usage(p: Path) -> DiskUsage:
        seen.append(p)
        return DiskUsage(100 * d.GB, 0, free)

    r = d.check_disk(tmp_path / "not" / "made" / "yet", usage)
    assert r.level is level
    assert seen == [tmp_path]  # a folder not made yet: its disk is measured
    if level is not Level.OK:
        assert "remove old bundles" in r.fix


def test_disk_of_this_machine() -> None:
    assert d.check_disk(Path("/")).level in set(Level)


def make_db(path: Path, events: int = 3) -> Path:
    log = EventLog(path, "booth-1")
    log.start()
    for i in range(events):
        log.log("tap", payload={"x": i})
    assert log.close()
    return path


def test_database_ok_missing_and_damaged(tmp_path: Path) -> None:
    assert d.check_database(tmp_path / "none.db").level is Level.OK
    db = make_db(tmp_path / "k.db")
    r = d.check_database(db)
    assert (r.level, r.message) == (Level.OK, f"{db} passes quick_check (3 events)")
    (tmp_path / "junk.db").write_bytes(b"not a database" * 500)
    r = d.check_database(tmp_path / "junk.db")
    assert r.level is Level.FAIL and "damaged" in r.message and ".recover" in r.fix
    data = bytearray(db.read_bytes())
    for i in range(4096, len(data), 61):  # scribble over every page after the first
        data[i] = 0x55
    (tmp_path / "torn.db").write_bytes(bytes(data))
    r = d.check_database(tmp_path / "torn.db")
    assert r.level is Level.FAIL and "move" in r.fix


def test_a_database_of_another_user_is_not_opened(tmp_path: Path) -> None:
    db = make_db(tmp_path / "k.db")
    before = sorted(p.name for p in tmp_path.iterdir())
    r = d.check_database(db, euid=db.stat().st_uid + 1)
    assert r.level is Level.WARN and "sudo -u kiosk" in r.fix
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no -wal/-shm of ours


def test_event_writer_status(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    assert d.check_event_writer(db).level is Level.OK
    status_path(db).write_text(
        json.dumps(
            {
                "ok": False,
                "committed": 10,
                "pending": 4,
                "dropped": 2,
                "last_error": "database or disk is full",
                "since": "2015-11-25T10:00:00.000Z",
            }
        )
    )
    r = d.check_event_writer(db)
    assert r.level is Level.WARN
    assert "database or disk is full" in r.message and "2 events dropped" in r.message
    assert "2015-11-25T10:00" in r.message and str(tmp_path) in r.fix


# --- bundles and fonts ------------------------------------------------------------------------


class FakeFonts:
    def __init__(self, bad: frozenset[str] = frozenset(), families: set[str] | None = None) -> None:
        self.bad = bad
        self.families = families
        self.asked: list[Path] = []

    def load_fonts(self, paths: list[Path]) -> tuple[dict[Path, str], set[str]]:
        self.asked = paths
        errors = {p: "Qt cannot load this font file" for p in paths if p.name in self.bad}
        fams = (
            {"Noto Naskh Arabic", "Noto Kufi Arabic", "Noto Sans"}
            if self.families is None
            else self.families
        )
        return errors, fams


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    init(tmp_path / "b")
    return tmp_path / "b"


def test_fonts_ok(bundle: Path) -> None:
    loader = FakeFonts()
    r = d.check_fonts(bundle, loader)
    assert r.level is Level.OK and "5 font files of my-bundle load" in r.message
    assert len(loader.asked) == 5


def test_a_missing_or_damaged_font_fails_naming_the_file(bundle: Path) -> None:
    (bundle / "fonts" / "NotoSans-Bold.ttf").unlink()
    r = d.check_fonts(bundle, FakeFonts(bad=frozenset({"NotoKufiArabic-Bold.ttf"})))
    assert r.level is Level.FAIL and "2 of 5 font files do not load" in r.message
    assert r.details == (
        "fonts/NotoSans-Bold.ttf: the file is missing",
        "fonts/NotoKufiArabic-Bold.ttf: Qt cannot load this font file",
    )
    assert f"kiosk bundle validate {bundle}" in r.fix


def test_a_family_nobody_provides_fails(bundle: Path) -> None:
    r = d.check_fonts(bundle, FakeFonts(families={"Noto Sans"}))
    assert r.level is Level.FAIL
    assert "no font provides the family 'Noto Naskh Arabic'" in "\n".join(r.details)


def test_fonts_of_a_broken_or_absent_bundle(bundle: Path, tmp_path: Path) -> None:
    r = d.check_fonts(tmp_path / "nothing", FakeFonts())
    assert r.level is Level.FAIL and "--bundle" in r.fix
    (bundle / "bundle.toml").write_text("format = = 1\n", "utf-8")
    r = d.check_fonts(bundle, FakeFonts())
    assert r.level is Level.FAIL and "has errors" in r.message and r.details


def test_first_video(bundle: Path, tmp_path: Path) -> None:
    assert d.first_video(bundle) is None  # the init bundle has no video
    (bundle / "a").mkdir()
    (bundle / "a" / "z.mp4").write_bytes(b"")
    (bundle / "a" / "b.mp4").write_bytes(b"")
    assert d.first_video(bundle) == bundle / "a" / "b.mp4"


def test_active_bundle(tmp_path: Path, bundle: Path) -> None:
    data = tmp_path / "data"
    path, r = d.check_active_bundle(data)
    assert path is None and r.level is Level.WARN and "kiosk bundle install" in r.fix
    item = BundleStore(data).install(bundle, InstallOptions())
    path, r = d.check_active_bundle(data)
    assert path == item.path and r.level is Level.OK and "verifies" in r.message
    (item.path / "fonts" / "NotoSans-Regular.ttf").write_bytes(b"changed")
    _, r = d.check_active_bundle(data)
    assert r.level is Level.FAIL and "fonts/NotoSans-Regular.ttf" in "\n".join(r.details)
    shutil.rmtree(item.path)
    path, r = d.check_active_bundle(data)
    assert path is None and r.level is Level.FAIL and "missing" in r.message


# --- what the Qt probe found ------------------------------------------------------------------

GOOD: dict[str, Any] = {
    "platform": "wayland",
    "offscreen_fallback": False,
    "screens": [{"name": "HDMI-A-1", "width": 1920, "height": 1080}],
    "opengl": {
        "ok": True,
        "gles": True,
        "vendor": "Intel",
        "renderer": "Mesa Intel(R) UHD Graphics 620",
        "version": "OpenGL ES 3.2 Mesa 22.3.6",
    },
    "multimedia": {
        "backend": "ffmpeg",
        "mp4": True,
        "audio_outputs": ["Built-in Audio"],
        "default_output": "Built-in Audio",
    },
    "video_path": "entities/moi/videos/a.mp4",
    "video": {"error": None},
}


def levels(probe: dict[str, Any]) -> dict[str, Level]:
    return {r.name: r.level for r in d.probe_results(probe)}


def test_a_healthy_machine() -> None:
    results = d.probe_results(GOOD)
    assert {r.name: r.level for r in results} == {
        "display": Level.OK,
        "opengl": Level.OK,
        "multimedia": Level.OK,
        "video": Level.OK,
    }
    text = "\n".join(r.message for r in results)
    assert "'wayland': HDMI-A-1 1920x1080" in text and "OpenGL ES" in text


def test_qt_that_does_not_start_fails_with_its_last_words() -> None:
    results = d.probe_results(
        {
            "error": "Qt did not start (exit status 134)",
            "stderr": ['qt.qpa.plugin: Could not load the Qt platform plugin "xcb"'],
        }
    )
    assert [(r.name, r.level) for r in results] == [("display", Level.FAIL)]
    assert "scripts/setup" in results[0].fix and "xcb" in results[0].details[0]


def test_no_display_is_a_warning_not_a_failure() -> None:
    probe = {
        **GOOD,
        "platform": "offscreen",
        "offscreen_fallback": True,
        "opengl": {"ok": False, "error": "x"},
    }
    assert levels(probe) == {
        "display": Level.WARN,
        "opengl": Level.WARN,
        "multimedia": Level.OK,
        "video": Level.OK,
    }


def test_problems_of_a_real_display() -> None:
    assert levels({**GOOD, "screens": []})["display"] is Level.FAIL
    assert levels({**GOOD, "opengl": {"ok": False, "error": "no context"}})["opengl"] is Level.FAIL
    software = {**GOOD["opengl"], "renderer": "llvmpipe (LLVM 15.0.6, 256 bits)"}
    r = next(r for r in d.probe_results({**GOOD, "opengl": software}) if r.name == "opengl")
    assert r.level is Level.WARN and "CPU" in r.message
    assert (
        levels({**GOOD, "multimedia": {**GOOD["multimedia"], "mp4": False}})["multimedia"]
        is Level.FAIL
    )
    assert (
        levels({**GOOD, "multimedia": {**GOOD["multimedia"], "audio_outputs": []}})["multimedia"]
        is Level.WARN
    )
    r = next(
        r
        for r in d.probe_results({**GOOD, "video": {"error": "unsupported codec"}})
        if r.name == "video"
    )
    assert r.level is Level.FAIL and "a.mp4 does not play here: unsupported codec" in r.message
    assert "video" not in levels({k: v for k, v in GOOD.items() if k != "video"})


def test_the_real_probe_runs_in_a_child() -> None:
    probe = d.run_qt_probe()
    assert "error" not in probe, probe
    assert probe["platform"] and isinstance(probe["screens"], list)
    assert "ok" in probe["opengl"] and "mp4" in probe["multimedia"]


@pytest.mark.parametrize("payload", [b'{"current": 42}', b"{", b'{"current": "../x"}', b"[]"])
def test_a_damaged_active_pointer_fails_naming_the_file_and_the_fallback(
    tmp_path: Path, bundle: Path, payload: bytes
) -> None:
    data = tmp_path / "data"
    item = BundleStore(data).install(bundle, InstallOptions())
    (data / "active.json").write_bytes(payload)
    path, r = d.check_active_bundle(data)
    assert path == item.path
    assert r.level is Level.FAIL and "active.json" in r.message and item.name in r.message
    assert "kiosk bundle activate" in r.fix


def test_unusable_trusted_keys_fail_the_doctor_naming_file_field_and_fix(tmp_path: Path) -> None:
    from kiosk.config import load_config

    path = tmp_path / "kiosk.toml"
    path.write_text('trusted_keys = "AAAA"\n', "utf-8")
    cfg, _ = load_config(path)
    r = d.check_signatures(cfg)
    assert r.level is Level.FAIL
    assert str(path) in r.message and "trusted_keys" in r.message and "refused" in r.message
    assert "kiosk keys new" in r.fix and "trusted_keys" in r.fix
    path.write_text("trusted_keys = []\n", "utf-8")
    assert d.check_signatures(load_config(path)[0]).level is Level.OK
