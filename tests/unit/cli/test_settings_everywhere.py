"""Issue 12, item 3: every staff command follows kiosk.toml exactly as ``kiosk run`` does.

A kiosk.toml sets ``data_dir`` and ``db`` (the database deliberately outside the data
folder, so that following one is not mistaken for following the other). The platform data
folder (``$XDG_DATA_HOME/qatar-kiosk``) is somewhere else again; every command must use the
file's folder and database, and leave the default folder absent.
"""

from __future__ import annotations

import argparse
import getpass
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.admin import PinLock, hash_pin
from kiosk.analytics.simulate import simulate
from kiosk.bundle import load
from kiosk.cli import main
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.store import BundleStore, InstallOptions

SESSIONS = 12


@dataclass
class Kiosk:
    """One kiosk's files, as a test sees them."""

    tmp: Path
    config: Path
    data: Path
    db: Path
    default: Path
    """The platform data folder: no command may create it."""
    zips: tuple[Path, Path]
    other_db: Path
    """Another kiosk's database (for merge)."""
    before: int = 0

    @property
    def store(self) -> BundleStore:
        return BundleStore(self.data)

    def install(self, z: Path) -> str:
        return self.store.install(z, InstallOptions()).name

    def events(self, db: Path | None = None) -> int:
        conn = sqlite3.connect(db or self.db)
        try:
            n: int = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        finally:
            conn.close()
        return n


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[tuple[Path, Path], Path, Path]:
    """Two versions of one bundle, packed, and two kiosks' databases: made once."""
    root = tmp_path_factory.mktemp("built")
    zips = []
    for version in ("1.0.0", "1.1.0"):
        src = root / f"b{version}"
        assert main(["bundle", "init", str(src)]) == 0
        toml = src / "bundle.toml"
        toml.write_text(toml.read_text("utf-8").replace('"1.0.0"', f'"{version}"'), "utf-8")
        z = root / f"b{version}.zip"
        assert main(["bundle", "pack", str(src), "-o", str(z)]) == 0
        zips.append(z)
    sample = load(SAMPLE_BUNDLE)
    db = root / "booth.db"
    simulate(sample, db, SESSIONS)
    other = root / "booth-2.db"
    simulate(sample, other, SESSIONS, kiosk_id="booth-2", seed=2)
    return (zips[0], zips[1]), db, other


@pytest.fixture(params=["KIOSK_CONFIG", "--config"])
def kiosk(
    request: pytest.FixtureRequest,
    built: tuple[tuple[Path, Path], Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Kiosk, list[str]]:
    zips, db_src, other = built
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    data, db = tmp_path / "kiosk-data", tmp_path / "analytics" / "booth.db"
    config = tmp_path / "etc" / "kiosk.toml"
    config.parent.mkdir()
    config.write_text(f'data_dir = "{data}"\ndb = "{db}"\nkiosk_id = "booth-1"\n', "utf-8")
    db.parent.mkdir()
    shutil.copy(db_src, db)
    k = Kiosk(tmp_path, config, data, db, tmp_path / "xdg" / "qatar-kiosk", zips, other)
    if request.param == "KIOSK_CONFIG":
        monkeypatch.setenv("KIOSK_CONFIG", str(config))
        return k, []
    return k, ["--config", str(config)]


Prepare = Callable[[Kiosk], list[str]]
"""Sets up what the command needs; returns its arguments (before the --config option)."""
Check = Callable[[Kiosk, str], None]
"""What staff would notice: the files changed and what was printed."""


def _install(k: Kiosk) -> list[str]:
    return ["bundle", "install", str(k.zips[0])]


def _installed(k: Kiosk, out: str) -> None:
    assert [i.name for i in k.store.installed()] == [k.store.state().current]
    assert "and activated" in out


def _list(k: Kiosk) -> list[str]:
    k.install(k.zips[0])
    return ["bundle", "list"]


def _listed(k: Kiosk, out: str) -> None:
    assert str(k.store.state().current) in out


def _verify(k: Kiosk) -> list[str]:
    k.install(k.zips[0])
    return ["bundle", "verify"]


def _verified(k: Kiosk, out: str) -> None:
    assert str(k.store.state().current) in out


def _rollback(k: Kiosk) -> list[str]:
    k.install(k.zips[0])
    k.install(k.zips[1])
    return ["bundle", "rollback"]


def _rolled_back(k: Kiosk, out: str) -> None:
    assert "1.0.0" in str(k.store.state().current)


def _activate(k: Kiosk) -> list[str]:
    first = k.install(k.zips[0])
    k.install(k.zips[1])
    return ["bundle", "activate", first]


def _activated(k: Kiosk, out: str) -> None:
    assert "1.0.0" in str(k.store.state().current)


def _summary(k: Kiosk) -> list[str]:
    return ["stats"]


def _summarised(k: Kiosk, out: str) -> None:
    assert f"Sessions: {SESSIONS}" in out


def _export(k: Kiosk) -> list[str]:
    return ["stats", "export", "--format", "csv", "-o", str(k.tmp / "visitors.csv")]


def _exported(k: Kiosk, out: str) -> None:
    assert f"visitors.csv: {k.events()} events" in out
    assert (k.tmp / "visitors.csv").is_file()


def _per_entity(k: Kiosk) -> list[str]:
    return ["stats", "export", "--format", "jsonl", "--per-entity", str(k.tmp / "per")]


def _exported_per_entity(k: Kiosk, out: str) -> None:
    assert any((k.tmp / "per").iterdir()) and "events" in out


def _merge_into_kiosk(k: Kiosk) -> list[str]:
    k.before = k.events()
    return ["stats", "merge", str(k.other_db)]


def _merged_into_kiosk(k: Kiosk, out: str) -> None:
    added = k.events(k.other_db)
    assert k.events() == k.before + added
    assert f"{k.db}: {added} events added" in out


def _merge_to_file(k: Kiosk) -> list[str]:
    return ["stats", "merge", str(k.other_db), "-o", str(k.tmp / "pavilion.db")]


def _merged_to_file(k: Kiosk, out: str) -> None:
    assert k.events(k.tmp / "pavilion.db") == k.events(k.other_db)  # the -o given stays


def _report(k: Kiosk) -> list[str]:
    k.install(k.zips[0])  # the report's names come from the kiosk's active bundle
    return ["report", "-o", str(k.tmp / "report.html"), "--lang", "en"]


def _reported(k: Kiosk, out: str) -> None:
    html = (k.tmp / "report.html").read_text("utf-8")
    # the active bundle (made by 'kiosk bundle init') has none of the sample's demo screens
    assert "This screenshot is not in the bundle." in html
    assert "Wrote" in out


def _doctor(k: Kiosk) -> list[str]:
    k.install(k.zips[0])
    return ["doctor", "--quick"]


def _doctored(k: Kiosk, out: str) -> None:
    assert f"{k.db} passes quick_check ({k.events()} events)" in out
    assert str(k.store.state().current) in out
    assert str(k.default) not in out


def _unlock(k: Kiosk) -> list[str]:
    PinLock.in_data_dir(k.data).attempt("0000", hash_pin("1234"))
    return ["admin", "unlock"]


def _unlocked(k: Kiosk, out: str) -> None:
    assert "Cleared the count of 1 wrong PIN(s)" in out
    assert PinLock.in_data_dir(k.data).state().failures == 0


def _set_pin(k: Kiosk) -> list[str]:
    PinLock.in_data_dir(k.data).attempt("0000", hash_pin("1234"))
    return ["admin", "set-pin"]


def _pin_set(k: Kiosk, out: str) -> None:
    assert f"The admin PIN is set in {k.config}" in out
    assert "pin_hash" in k.config.read_text("utf-8")
    assert "kiosk admin unlock" not in out  # one wrong PIN: no lockout (in the file's folder)


def _check(k: Kiosk) -> list[str]:
    return ["config", "check"]


def _checked(k: Kiosk, out: str) -> None:
    assert f"{k.config} is valid" in out


def _show(k: Kiosk) -> list[str]:
    return ["config", "show"]


def _shown(k: Kiosk, out: str) -> None:
    assert f'data_dir = "{k.data}"' in out and f'db = "{k.db}"' in out


def _init(k: Kiosk) -> list[str]:
    return ["config", "init"]


def _not_overwritten(k: Kiosk, out: str) -> None:
    assert "pin_hash" not in k.config.read_text("utf-8")  # the existing file was kept


COMMANDS: dict[str, tuple[Prepare, Check, int]] = {
    "bundle install": (_install, _installed, 0),
    "bundle list": (_list, _listed, 0),
    "bundle verify": (_verify, _verified, 0),
    "bundle rollback": (_rollback, _rolled_back, 0),
    "bundle activate": (_activate, _activated, 0),
    "stats": (_summary, _summarised, 0),
    "stats export": (_export, _exported, 0),
    "stats export --per-entity": (_per_entity, _exported_per_entity, 0),
    "stats merge (into the kiosk's db)": (_merge_into_kiosk, _merged_into_kiosk, 0),
    "stats merge -o": (_merge_to_file, _merged_to_file, 0),
    "report": (_report, _reported, 0),
    "doctor": (_doctor, _doctored, 0),
    "admin unlock": (_unlock, _unlocked, 0),
    "admin set-pin": (_set_pin, _pin_set, 0),
    "config check": (_check, _checked, 0),
    "config show": (_show, _shown, 0),
    "config init": (_init, _not_overwritten, 2),
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_staff_command_uses_the_data_dir_and_db_of_kiosk_toml(
    command: str,
    kiosk: tuple[Kiosk, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    k, option = kiosk
    prepare, check, status = COMMANDS[command]
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": "246810")
    argv = prepare(k)
    capsys.readouterr()
    assert main([*argv, *option]) == status, capsys.readouterr()
    captured = capsys.readouterr()
    check(k, captured.out + captured.err)
    assert "kiosk: config:" not in captured.err  # the file is valid: nothing to report
    assert not k.default.exists(), f"{command} wrote into the default data folder"
    assert not (k.data / "kiosk.db").exists(), f"{command} ignored db in kiosk.toml"


def test_kiosk_run_resolves_the_same_folder_and_database(
    kiosk: tuple[Kiosk, list[str]],
) -> None:
    from kiosk.cli.run import add_run_arguments
    from kiosk.qt.app import settings_from_args

    k, option = kiosk
    parser = argparse.ArgumentParser()
    add_run_arguments(parser)
    settings, problems = settings_from_args(parser.parse_args(option))
    assert (settings.data_dir, settings.db, settings.kiosk_id, problems) == (
        k.data,
        k.db,
        "booth-1",
        [],
    )


def test_every_command_with_data_has_the_same_flags_and_help() -> None:
    """--config, --data-dir and --db read the same on every command that has them."""
    from kiosk.cli import build_parser
    from kiosk.cli.common import CONFIG_HELP, DATA_DIR_HELP, DB_HELP

    wanted = {"--config": CONFIG_HELP, "--data-dir": DATA_DIR_HELP, "--db": DB_HELP}
    seen: dict[str, set[str]] = {flag: set() for flag in wanted}

    def walk(parser: argparse.ArgumentParser, name: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub_name, sub in action.choices.items():
                    walk(sub, f"{name} {sub_name}".strip())
            for flag in set(action.option_strings) & set(wanted):
                assert action.help == wanted[flag], (name, flag)
                seen[flag].add(name)

    walk(build_parser(), "")
    users = {"run", "stats", "stats export", "stats merge", "report", "doctor", "config show"}
    store = {
        "bundle install",
        "bundle list",
        "bundle verify",
        "bundle rollback",
        "bundle activate",
        "admin set-pin",
        "admin unlock",
    }
    assert seen["--db"] == users
    assert seen["--data-dir"] == users | store
    assert seen["--config"] == users | store | {"config check", "config init", "fleet status"}


# -- flags over the file -------------------------------------------------------------------


def test_data_dir_flag_brings_its_own_database_and_store(
    kiosk: tuple[Kiosk, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    k, option = kiosk
    other = k.tmp / "other-data"
    simulate(load(SAMPLE_BUNDLE), other / "kiosk.db", 3, seed=3)
    assert main(["stats", "--data-dir", str(other), *option]) == 0
    assert "Sessions: 3" in capsys.readouterr().out
    assert main(["bundle", "install", str(k.zips[0]), "--data-dir", str(other), *option]) == 0
    assert BundleStore(other).installed() and not k.data.exists()
    assert main(["config", "show", "--data-dir", str(other), *option]) == 0
    assert f'db = "{other / "kiosk.db"}"' in capsys.readouterr().out
    PinLock.in_data_dir(other).attempt("0000", hash_pin("1234"))
    assert main(["admin", "unlock", "--data-dir", str(other), *option]) == 0
    assert "Cleared the count of 1" in capsys.readouterr().out
    assert main(["doctor", "--quick", "--data-dir", str(other), *option]) == 0
    assert f"{other / 'kiosk.db'} passes quick_check" in capsys.readouterr().out


def test_db_flag_wins_over_db_in_kiosk_toml(
    kiosk: tuple[Kiosk, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    k, option = kiosk
    before = k.events()
    chosen = tmp_path / "chosen.db"
    simulate(load(SAMPLE_BUNDLE), chosen, 5, seed=5)
    for argv in (["stats"], ["stats", "export", "-o", str(tmp_path / "x.csv")]):
        assert main([*argv, "--db", str(chosen), *option]) == 0
    out = capsys.readouterr().out
    assert "Sessions: 5" in out and f"x.csv: {k.events(chosen)} events" in out
    assert main(["stats", "--db", str(chosen), "merge", str(k.other_db), *option]) == 0
    assert k.events(chosen) > k.events(k.other_db) and k.events() == before
    assert main(["report", "-o", str(tmp_path / "r.html"), "--db", str(chosen), *option]) == 0
    assert main(["doctor", "--quick", "--db", str(chosen), *option]) == 0
    assert f"{chosen} passes quick_check" in capsys.readouterr().out


def test_install_flags_override_keys_and_keep_from_kiosk_toml(
    kiosk: tuple[Kiosk, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.store import new_keypair

    k, option = kiosk
    _private, public = new_keypair(k.tmp / "keys")
    k.config.write_text(k.config.read_text("utf-8") + "keep_bundles = 5\n", "utf-8")
    assert main(["bundle", "install", str(k.zips[0]), "--trusted-key", public, *option]) == 1
    assert "Nothing was installed" in capsys.readouterr().out  # the flag added a key
    for z in k.zips:
        assert main(["bundle", "install", str(z), "--keep", "1", *option]) == 0
    assert len(k.store.installed()) == 2  # --keep 1 over keep_bundles = 5 (+ the previous)


def test_a_missing_database_names_the_kiosk_toml_that_chose_it(
    kiosk: tuple[Kiosk, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    k, option = kiosk
    k.db.unlink()
    for argv in (["stats"], ["report", "-o", str(k.tmp / "r.html")]):
        assert main([*argv, *option]) == 1
        err = capsys.readouterr().err
        assert f"no analytics database at {k.db}" in err and str(k.config) in err
        assert "--db PATH" in err
