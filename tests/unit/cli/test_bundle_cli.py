"""The staff CLI, run in-process: exit codes, messages and files written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.paths import SAMPLE_BUNDLE


def test_validate_sample_bundle_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bundle", "validate", str(SAMPLE_BUNDLE)]) == 0
    out = capsys.readouterr().out
    assert "is valid: 0 errors, 0 warnings" in out


def test_validate_broken_bundle_exits_1_with_file_field_and_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "b"
    assert main(["bundle", "init", str(root)]) == 0
    ent = root / "entities/example/entity.toml"
    ent.write_text(ent.read_text("utf-8").replace('ar = "جهة حكومية", ', ""), "utf-8")
    capsys.readouterr()
    assert main(["bundle", "validate", str(root)]) == 1
    out = capsys.readouterr().out
    assert "ERROR   entities/example/entity.toml: name.ar" in out
    assert "the Arabic text is missing" in out
    assert 'fix: add ar = "..."' in out
    assert "is NOT valid: 1 error, 0 warnings" in out


def test_validate_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "b"
    main(["bundle", "init", str(root)])
    (root / "x.js").write_text("alert(1)")
    capsys.readouterr()
    assert main(["bundle", "validate", "--json", str(root)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is False
    assert [(e["file"], e["code"]) for e in data["errors"]] == [("x.js", "code")]
    assert data["warnings"] == []


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["bundle", "validate"])
    assert exc.value.code == 2


def test_init_refuses_a_non_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "keep.txt").write_text("x")
    assert main(["bundle", "init", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_pack_then_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "b"
    main(["bundle", "init", str(root)])
    out = tmp_path / "b.zip"
    assert main(["bundle", "pack", str(root), "-o", str(out)]) == 0
    assert out.is_file()
    assert main(["bundle", "validate", str(out)]) == 0


def test_pack_invalid_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "b"
    main(["bundle", "init", str(root)])
    (root / "bundle.toml").write_text("format = 1\n", "utf-8")
    out = tmp_path / "b.zip"
    assert main(["bundle", "pack", str(root), "-o", str(out)]) == 1
    assert "Nothing was written" in capsys.readouterr().out
    assert not out.exists()


@pytest.mark.parametrize(
    "cmd", [["bundle", "validate"], ["bundle", "init"], ["bundle", "pack"], ["run"]]
)
def test_every_command_help_has_an_example(
    cmd: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*cmd, "--help"])
    assert exc.value.code == 0
    assert "example:" in capsys.readouterr().out


def test_progress_bar_is_silent_when_piped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["bundle", "validate", str(SAMPLE_BUNDLE)])
    assert "\r" not in capsys.readouterr().err


# -- issue 11, item 3: the store commands follow kiosk.toml (data_dir, trusted_keys, keep) ----


@pytest.fixture
def kiosk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty platform data folder, and no KIOSK_CONFIG from the environment."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    return tmp_path / "xdg" / "qatar-kiosk"


def _signed_setup(tmp_path: Path, version: str = "1.0.0") -> tuple[Path, str, Path]:
    from kiosk.store import new_keypair

    root = tmp_path / f"b{version}"
    main(["bundle", "init", str(root)])
    toml = root / "bundle.toml"
    toml.write_text(toml.read_text("utf-8").replace('"1.0.0"', f'"{version}"'), "utf-8")
    z = tmp_path / f"b{version}.zip"
    assert main(["bundle", "pack", str(root), "-o", str(z)]) == 0
    key = tmp_path / "keys" / "kiosk-signing.key"
    public = (
        key.with_suffix(".pub").read_text().strip() if key.exists() else new_keypair(key.parent)[1]
    )
    return z, public, key


def _config(
    where: str, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> list[str]:
    """Write kiosk.toml where 'kiosk run' would find it; the options that point at it."""
    if where == "default":
        home.mkdir(parents=True, exist_ok=True)
        (home / "kiosk.toml").write_text(text, "utf-8")
        return []
    path = tmp_path / "etc" / "kiosk.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, "utf-8")
    if where == "env":
        monkeypatch.setenv("KIOSK_CONFIG", str(path))
        return []
    return ["--config", str(path)]


@pytest.mark.parametrize("where", ["--config", "env", "default"])
def test_install_requires_the_signature_kiosk_toml_asks_for(
    where: str,
    tmp_path: Path,
    kiosk_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kiosk.store import BundleStore

    z, public, key = _signed_setup(tmp_path)
    data = tmp_path / "kiosk-data"
    opts = _config(
        where,
        tmp_path,
        kiosk_home,
        monkeypatch,
        f'data_dir = "{data}"\ntrusted_keys = ["{public}"]\n',
    )
    config_file = (
        opts[1]
        if opts
        else str(tmp_path / "etc" / "kiosk.toml" if where == "env" else kiosk_home / "kiosk.toml")
    )
    capsys.readouterr()
    assert main(["bundle", "install", str(z), *opts]) == 1
    out = capsys.readouterr().out
    assert "is not signed" in out and "--force" in out and config_file in out
    assert "Nothing was installed" in out
    assert BundleStore(data).installed() == [] and BundleStore(kiosk_home).installed() == []

    assert main(["bundle", "install", str(z), "--force", *opts]) == 0
    items = BundleStore(data).installed()
    assert [(i.forced, i.signed_by) for i in items] == [(True, None)]
    assert main(["bundle", "list", *opts]) == 0
    assert "forced" in capsys.readouterr().out

    z2, _, _ = _signed_setup(tmp_path, "1.1.0")
    assert (
        main(["bundle", "pack", str(tmp_path / "b1.1.0"), "-o", str(z2), "--sign", str(key)]) == 0
    )
    assert main(["bundle", "install", str(z2), *opts]) == 0
    assert BundleStore(data).get(BundleStore(data).state().current or "").signed_by == public


@pytest.mark.parametrize("keys", ['"AAAA"', '["AAAA"]', "[5]", '["c2lnbmF0dXJlcyBvZmY"]'])
def test_install_refuses_everything_when_trusted_keys_is_unusable(
    keys: str, tmp_path: Path, kiosk_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.store import BundleStore

    z, _public, _key = _signed_setup(tmp_path)
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(f'data_dir = "{tmp_path / "d"}"\ntrusted_keys = {keys}\n', "utf-8")
    for extra in ([], ["--force"]):
        assert main(["bundle", "install", str(z), "--config", str(cfg), *extra]) == 1
        captured = capsys.readouterr()
        assert "trusted_keys" in captured.out and str(cfg) in captured.out
        assert "kiosk config check" in captured.out
    assert BundleStore(tmp_path / "d").installed() == []


def test_store_commands_use_data_dir_and_keep_from_kiosk_toml(
    tmp_path: Path, kiosk_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.store import BundleStore

    data = tmp_path / "d"
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(f'data_dir = "{data}"\nkeep_bundles = 1\n', "utf-8")
    names = []
    for v in ("1.0.0", "1.1.0", "1.2.0"):
        z, _, _ = _signed_setup(tmp_path, v)
        assert main(["bundle", "install", str(z), "--config", str(cfg)]) == 0
        names.append(BundleStore(data).state().current)
    assert len(BundleStore(data).installed()) == 2  # keep 1, plus the previous one
    assert not kiosk_home.exists() or BundleStore(kiosk_home).installed() == []
    assert main(["bundle", "rollback", "--config", str(cfg)]) == 0
    assert BundleStore(data).state().current == names[1]
    assert main(["bundle", "activate", str(names[2]), "--config", str(cfg)]) == 0
    assert main(["bundle", "verify", "--config", str(cfg)]) == 0
    capsys.readouterr()
    assert main(["bundle", "list", "--config", str(cfg)]) == 0
    assert str(names[2]) in capsys.readouterr().out
