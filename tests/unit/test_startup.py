"""Start-up policy (Qt-free): kiosk.toml's overrides, and which bundle a kiosk starts with."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from kiosk.bundle import init, load, pack
from kiosk.config import Config, IdleOverrides
from kiosk.startup import KioskSettings, choose_bundle, load_checked, with_overrides
from kiosk.store import BundleStore


def _zip(tmp: Path, version: str) -> Path:
    root = tmp / f"src-{version}"
    init(root, "pavilion")
    toml = root / "bundle.toml"
    toml.write_text(
        toml.read_text("utf-8").replace('version = "1.0.0"', f'version = "{version}"'), "utf-8"
    )
    out = tmp / f"v{version}.zip"
    assert pack(root, out).ok
    return out


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sample") / "sample"
    init(root, "built-in-sample")
    return root


@pytest.fixture(scope="module")
def zips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("zips")
    return {v: _zip(tmp, v) for v in ("1.0.0", "1.1.0")}


def test_an_explicit_bundle_is_shown_and_the_store_is_not_consulted(
    tmp_path: Path, sample: Path, zips: dict[str, Path]
) -> None:
    store = BundleStore(tmp_path / "data")
    store.install(zips["1.1.0"])
    lines: list[str] = []
    bundle = choose_bundle(sample, None, say=lines.append, sample=sample)
    assert bundle is not None and bundle.id == "built-in-sample"
    assert lines == []


def test_nothing_installed_shows_the_sample(tmp_path: Path, sample: Path) -> None:
    lines: list[str] = []
    bundle = choose_bundle(None, BundleStore(tmp_path / "data"), say=lines.append, sample=sample)
    assert bundle is not None and bundle.id == "built-in-sample"
    assert lines == []


def test_the_active_bundle_is_shown(tmp_path: Path, sample: Path, zips: dict[str, Path]) -> None:
    store = BundleStore(tmp_path / "data")
    store.install(zips["1.0.0"])
    store.install(zips["1.1.0"])
    bundle = choose_bundle(None, store, sample=sample)
    assert bundle is not None and (bundle.id, bundle.version) == ("pavilion", "1.1.0")


@pytest.mark.parametrize("damage", ["", "id = [", "\x00\x01", 'version = "1.1.0"\n'])
def test_an_active_bundle_that_no_longer_loads_rolls_back_to_the_previous_one(
    tmp_path: Path, sample: Path, zips: dict[str, Path], damage: str
) -> None:
    store = BundleStore(tmp_path / "data")
    first = store.install(zips["1.0.0"]).name
    store.install(zips["1.1.0"])
    active = store.active_path()
    assert active is not None
    (active / "bundle.toml").write_text(damage, "utf-8")  # damaged on disk since the install
    lines: list[str] = []
    bundle = choose_bundle(None, store, say=lines.append, sample=sample)
    assert bundle is not None and bundle.version == "1.0.0"
    assert store.state().current == first
    assert any(line.startswith(f"kiosk: cannot show {active}") for line in lines)
    assert f"kiosk: rolled back to {first}" in lines


def test_with_no_previous_bundle_the_sample_is_shown_and_staff_are_told(
    tmp_path: Path, sample: Path, zips: dict[str, Path]
) -> None:
    store = BundleStore(tmp_path / "data")
    store.install(zips["1.0.0"])
    active = store.active_path()
    assert active is not None
    (active / "bundle.toml").unlink()
    lines: list[str] = []
    bundle = choose_bundle(None, store, say=lines.append, sample=sample)
    assert bundle is not None and bundle.id == "built-in-sample"
    assert any("cannot show" in line for line in lines)


def test_when_nothing_loads_it_says_how_to_check(tmp_path: Path) -> None:
    lines: list[str] = []
    assert choose_bundle(tmp_path / "missing", None, say=lines.append) is None
    assert lines[0] == f"kiosk: cannot show {tmp_path / 'missing'}:"
    assert lines[-1] == "Check bundles with: kiosk bundle validate PATH"


def test_kiosk_toml_overrides_idle_times_and_a_language_the_bundle_has(sample: Path) -> None:
    bundle = load(sample)
    config = Config(
        path=Path("kiosk.toml"),
        idle=IdleOverrides(timeout=42.0, countdown=7.0),
        default_language="en",
    )
    out = with_overrides(bundle, config)
    assert out.idle.timeout == 42.0 and out.idle.countdown == 7.0
    assert out.idle.video_timeout == bundle.idle.video_timeout
    assert out.default_language == "en"


@pytest.mark.parametrize("lang", ["fr", "", None])
def test_a_language_the_bundle_lacks_keeps_the_bundles_default(
    sample: Path, lang: str | None
) -> None:
    bundle = load(sample)
    out = with_overrides(bundle, Config(path=Path("kiosk.toml"), default_language=lang))
    assert out.default_language == bundle.default_language
    assert out.idle == bundle.idle


def test_settings_follow_the_store_exactly_when_no_bundle_is_fixed(tmp_path: Path) -> None:
    config = Config(
        path=tmp_path / "kiosk.toml", data_dir=tmp_path / "data", kiosk_id="booth-3", screen=1
    )
    s = KioskSettings.for_config(config)
    from_config = (tmp_path / "data", tmp_path / "data" / "kiosk.db", "booth-3", 1)
    assert (s.data_dir, s.db, s.kiosk_id, s.screen) == from_config
    assert s.follows_store
    assert not KioskSettings.for_config(config, bundle=tmp_path).follows_store
    assert KioskSettings.for_config(config, bundle=tmp_path, follow_store=True).follows_store


def _damaged(tmp: Path) -> tuple[Path, str]:
    """A bundle whose manifests load but whose slide picture is cut short on the stick."""
    root = tmp / "damaged"
    init(root, "pavilion")
    picture = next(p for p in sorted(root.rglob("*.png")) if "slides" in p.parts)
    picture.write_bytes(picture.read_bytes()[:200])
    return root, picture.relative_to(root).as_posix()


def test_a_bundle_given_on_the_command_line_is_checked_as_validate_checks_it(
    tmp_path: Path,
) -> None:
    # `kiosk run --bundle` used to run only the structural start-up checks: a bundle that
    # `kiosk bundle validate` rejects started silently, with a blank slide
    root, picture = _damaged(tmp_path)
    load(root)  # the start-up path alone would show it
    config = Config(path=tmp_path / "kiosk.toml")
    lines: list[str] = []
    loader = partial(load_checked, config=config, say=lines.append)
    assert choose_bundle(root, None, loader, say=lines.append) is None
    assert lines[0] == f"kiosk: cannot show {root}:"
    assert any(picture in line and "truncated" in line for line in lines[1:])
    assert lines[-1] == "Check bundles with: kiosk bundle validate PATH"


def test_its_warnings_go_to_the_log_and_it_is_shown(tmp_path: Path) -> None:
    root = tmp_path / "b"
    init(root, "pavilion")
    (root / "entities" / "example" / "unused.png").write_bytes(
        next(root.rglob("*.png")).read_bytes()
    )
    lines: list[str] = []
    bundle = load_checked(root, Config(path=tmp_path / "kiosk.toml"), lines.append)
    assert bundle.id == "pavilion"
    assert any(
        line.startswith("kiosk: warning: entities/example/unused.png") and "no manifest" in line
        for line in lines
    )
