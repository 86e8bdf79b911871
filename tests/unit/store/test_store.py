"""The bundle store: install, refuse, roll back, verify; kill an install at random moments."""

from __future__ import annotations

import shutil
import stat
import threading
import warnings
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from benchmarks.trials.killinstall import run_trials
from kiosk.bundle import init, pack
from kiosk.store import BundleStore, Cancelled, InstallError, InstallOptions, new_keypair, sign_file
from kiosk.store.keys import load_private_key


def _bundle(root: Path, version: str, colour: str = "#0D6E6E") -> Path:
    init(root, "pavilion")
    toml = root / "bundle.toml"
    toml.write_text(
        toml.read_text("utf-8").replace('version = "1.0.0"', f'version = "{version}"'), "utf-8"
    )
    ent = root / "entities/example/entity.toml"
    ent.write_text(ent.read_text("utf-8").replace("#0D6E6E", colour), "utf-8")
    return root


@pytest.fixture(scope="module")
def zips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("zips")
    out = {}
    for version, colour in (("1.0.0", "#0D6E6E"), ("1.1.0", "#0D6E7A"), ("0.9.0", "#0D6E11")):
        z = tmp / f"v{version}.zip"
        assert pack(_bundle(tmp / version, version, colour), z).ok
        out[version] = z
    return out


@pytest.fixture
def store(tmp_path: Path, zips: dict[str, Path]) -> BundleStore:
    s = BundleStore(tmp_path / "data")
    s.install(zips["1.0.0"])
    return s


def _untouched(store: BundleStore, name: str) -> None:
    assert store.state().current == name
    assert store.verify(name).ok
    assert not any(store.staging.iterdir()) if store.staging.exists() else True


def test_install_activates_and_verifies(store: BundleStore, zips: dict[str, Path]) -> None:
    first = store.state().current
    assert first and first.startswith("pavilion-1.0.0-")
    item = store.install(zips["1.1.0"])
    assert store.state().current == item.name and store.state().previous == first
    assert store.verify().ok
    assert store.active_path() == item.path


def test_rollback_and_activate(store: BundleStore, zips: dict[str, Path]) -> None:
    first = store.state().current
    second = store.install(zips["1.1.0"]).name
    assert store.rollback() == first
    assert store.state().current == first and store.state().previous == second
    store.activate(second)
    assert store.state().current == second


def test_prune_keeps_current_and_previous(store: BundleStore, tmp_path: Path) -> None:
    for i in range(5):
        z = tmp_path / f"b{i}.zip"
        assert pack(_bundle(tmp_path / f"src{i}", f"2.{i}.0"), z).ok
        store.install(z, InstallOptions(keep=2))
    names = [i.name for i in store.installed()]
    assert len(names) == 2
    assert set(names) == {store.state().current, store.state().previous}
    assert sorted(p.name for p in store.bundles.iterdir() if p.is_dir()) == sorted(
        [".staging", *names]
    )
    assert not any(store.staging.iterdir())  # the pruned folders are gone, not just moved


def test_verify_finds_a_changed_file(store: BundleStore) -> None:
    active = store.active_path()
    assert active is not None
    (active / "entities/example/entity.toml").write_text("changed", "utf-8")
    report = store.verify()
    assert [(p.file, p.code) for p in report.errors] == [
        ("entities/example/entity.toml", "checksum-mismatch")
    ]


def _rewrite(
    src: Path,
    dst: Path,
    edit: dict[str, bytes | None],
    extra: Sequence[tuple[zipfile.ZipInfo | str, bytes]] = (),
) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a duplicate name is the point of one case
        for info in zin.infolist():
            data = edit.get(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info, data)
        for name_or_info, data in extra:
            zout.writestr(name_or_info, data)
    return dst


def _link(name: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, b"/etc/passwd"


def _device(name: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFCHR | 0o644) << 16
    return info, b""


def _wrong_hash(src: Path, dst: Path) -> Path:
    """entity.toml edited after its checksum was written (one colour, one digit)."""
    name = "entities/example/entity.toml"
    with zipfile.ZipFile(src) as z:
        edited = z.read(name).replace(b"#0D6E7A", b"#0D6E7B")
    return _rewrite(src, dst, {name: None}, [(name, edited)])


HOSTILE: dict[str, Callable[[Path, Path], Path]] = {
    "traversal": lambda z, t: _rewrite(z, t, {}, [("../../escaped.txt", b"x")]),
    "absolute": lambda z, t: _rewrite(z, t, {}, [("/tmp/escaped.txt", b"x")]),
    "symlink": lambda z, t: _rewrite(z, t, {}, [_link("fonts/evil.ttf")]),
    "device": lambda z, t: _rewrite(z, t, {}, [_device("dev")]),
    "duplicate": lambda z, t: _rewrite(z, t, {}, [("bundle.toml", b"format = 1")]),
    "bomb-ratio": lambda z, t: _rewrite(z, t, {}, [("big.txt", b"\0" * (30 << 20))]),
    "wrong-hash": _wrong_hash,
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_archives_are_refused_and_nothing_changes(
    case: str, store: BundleStore, zips: dict[str, Path], tmp_path: Path
) -> None:
    before = store.state().current
    assert before
    bad = HOSTILE[case](zips["1.1.0"], tmp_path / "bad.zip")
    with pytest.raises(InstallError) as exc:
        store.install(bad)
    assert exc.value.report.errors
    assert all(p.fix for p in exc.value.report.errors)
    _untouched(store, before)
    assert not (tmp_path / "escaped.txt").exists() and not Path("/tmp/escaped.txt").exists()
    assert len(store.installed()) == 1


def test_size_limit(store: BundleStore, zips: dict[str, Path]) -> None:
    from kiosk.bundle import ZipLimits

    before = store.state().current
    with pytest.raises(InstallError) as exc:
        store.install(zips["1.1.0"], InstallOptions(limits=ZipLimits(max_total_bytes=100_000)))
    assert exc.value.report.errors[0].code == "zip-too-large"
    _untouched(store, before or "")


def test_truncated_archive(store: BundleStore, zips: dict[str, Path], tmp_path: Path) -> None:
    before = store.state().current
    data = zips["1.1.0"].read_bytes()
    (tmp_path / "t.zip").write_bytes(data[: len(data) // 2])
    with pytest.raises(InstallError):
        store.install(tmp_path / "t.zip")
    _untouched(store, before or "")


def test_downgrade_is_refused_unless_forced(store: BundleStore, zips: dict[str, Path]) -> None:
    store.install(zips["1.1.0"])
    current = store.state().current
    with pytest.raises(InstallError) as exc:
        store.install(zips["0.9.0"])
    assert [(p.field, p.code) for p in exc.value.report.errors] == [("version", "downgrade")]
    assert store.state().current == current
    forced = store.install(zips["0.9.0"], InstallOptions(force=True))
    assert forced.forced and store.state().current == forced.name


def test_signatures(store: BundleStore, zips: dict[str, Path], tmp_path: Path) -> None:
    _private, public = new_keypair(tmp_path / "keys")
    _other_private, other = new_keypair(tmp_path / "other")
    signed = tmp_path / "s.zip"
    shutil.copyfile(zips["1.1.0"], signed)
    before = store.state().current
    with pytest.raises(InstallError, match="not signed"):
        store.install(signed, InstallOptions(trusted_keys=[public]))
    sign_file(signed, load_private_key(tmp_path / "other" / "kiosk-signing.key"))
    with pytest.raises(InstallError, match="not signed by a trusted key"):
        store.install(signed, InstallOptions(trusted_keys=[public]))
    assert store.state().current == before
    sign_file(signed, load_private_key(tmp_path / "keys" / "kiosk-signing.key"))
    item = store.install(signed, InstallOptions(trusted_keys=[other, public]))
    assert item.signed_by == public
    with pytest.raises(InstallError, match="folder cannot be signed"):
        store.install(tmp_path.parent, InstallOptions(trusted_keys=[public]))


def test_cancel_leaves_nothing(store: BundleStore, zips: dict[str, Path]) -> None:
    before = store.state().current
    cancel = threading.Event()

    def progress(stage: str, done: int, total: int) -> None:
        if done >= 3:
            cancel.set()

    with pytest.raises(Cancelled):
        store.install(zips["1.1.0"], InstallOptions(progress=progress, cancel=cancel))
    _untouched(store, before or "")
    assert len(store.installed()) == 1


def test_folder_install_gets_checksums(store: BundleStore, tmp_path: Path) -> None:
    src = _bundle(tmp_path / "src", "3.0.0")
    item = store.install(src)
    assert (item.path / "checksums.json").is_file()
    assert store.verify().ok


def test_kill_at_random_moments_leaves_old_or_new_whole(
    tmp_path: Path, zips: dict[str, Path]
) -> None:
    outcomes = run_trials(tmp_path, zips["1.0.0"], zips["1.1.0"], trials=20, seed=7)
    assert all(o.whole for o in outcomes), outcomes
    versions = {o.active.split("-")[1] for o in outcomes if o.active}
    assert versions <= {"1.0.0", "1.1.0"}
    assert len(outcomes) == 20


# -- item 1: the archive is read once: what was verified is what is installed ------------------


def _hostile_unsigned(zips: dict[str, Path], tmp: Path, case: str) -> Path:
    if case == "older":
        return zips["0.9.0"]
    if case == "newer-other-colour":
        return zips["1.1.0"]
    if case == "traversal":
        return HOSTILE["traversal"](zips["1.1.0"], tmp / "evil.zip")
    (tmp / "garbage.zip").write_bytes(b"PK\x03\x04" + b"\0" * 4096)
    return tmp / "garbage.zip"


@pytest.mark.parametrize("case", ["older", "newer-other-colour", "traversal", "garbage"])
@pytest.mark.parametrize("swap_after", ["signature", "first-read"])
def test_bytes_swapped_after_the_signature_check_are_never_installed_as_signed(
    case: str,
    swap_after: str,
    tmp_path: Path,
    zips: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A drop folder (or a USB device) serves the signed bytes once, then other bytes."""
    import kiosk.store.keys as keys

    _private, public = new_keypair(tmp_path / "keys")
    key = load_private_key(tmp_path / "keys" / "kiosk-signing.key")
    signed = tmp_path / "drop" / "pavilion.zip"
    signed.parent.mkdir()
    shutil.copyfile(zips["1.0.0"], signed)
    sign_file(signed, key)
    evil = _hostile_unsigned(zips, tmp_path, case)
    swapped: list[bool] = []

    def swap() -> None:
        if not swapped:
            swapped.append(True)
            shutil.copyfile(evil, signed)  # the signature beside it stays

    if swap_after == "signature":
        real = keys.verify_signature

        def verify_then_swap(path: Path, trusted: list[str], **kw: object) -> str:
            result = real(path, trusted, **kw)  # type: ignore[arg-type]
            swap()
            return result

        monkeypatch.setattr(keys, "verify_signature", verify_then_swap)
    else:
        real_read = Path.read_bytes

        def read_then_swap(self: Path) -> bytes:
            data = real_read(self)
            if self == signed:
                swap()
            return data

        monkeypatch.setattr(Path, "read_bytes", read_then_swap)
        real_open = Path.open

        def open_then_swap(self: Path, *a: object, **kw: object) -> object:
            fh = real_open(self, *a, **kw)  # type: ignore[call-overload]
            if self == signed:
                fh = _SwapOnClose(fh, swap)
            return fh

        monkeypatch.setattr(Path, "open", open_then_swap)
    store = BundleStore(tmp_path / "data")
    try:
        item = store.install(signed, InstallOptions(trusted_keys=[public]))
    except InstallError:
        return  # refusing is safe; what must never happen is below
    assert item.signed_by == public
    assert item.version == "1.0.0", "other bytes than the signed ones were installed as signed"
    assert store.verify(item.name).ok
    entity = (item.path / "entities/example/entity.toml").read_text("utf-8")
    assert "#0D6E6E" in entity  # the signed bundle's own content


class _SwapOnClose:
    """A file that calls ``swap`` once it has been read to the end and closed."""

    def __init__(self, fh: object, swap: object) -> None:
        self._fh, self._swap = fh, swap

    def __getattr__(self, name: str) -> object:
        return getattr(self._fh, name)

    def __enter__(self) -> object:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()  # type: ignore[attr-defined]
        self._swap()  # type: ignore[operator]


# -- item 6: the clean-up removes only what the store made and marked --------------------------


def _staff_things(store: BundleStore, outside: Path) -> dict[str, Path]:
    """What staff (or a sync tool) may leave in bundles/: none of it is the store's."""
    outside.mkdir()
    (outside / "precious.txt").write_text("keep me")
    store.bundles.mkdir(parents=True, exist_ok=True)
    store.staging.mkdir(parents=True, exist_ok=True)
    made = {
        "staff-bundle": store.bundles / "pavilion-day2-edit",
        "notes": store.bundles / "notes",
        "empty": store.bundles / "empty",
        "looks-installed-name": store.bundles / "pavilion-9.9.9-abcdefabcdef",
        "unmarked-staging": store.staging / "0123456789abcdef0123456789abcdef",
    }
    for key, path in made.items():
        path.mkdir(parents=True)
        if key != "empty":
            (path / "bundle.toml").write_text("format = 1\n")
            (path / "notes.txt").write_text("staff notes")
    links = {
        "link-to-outside": store.bundles / "linked",
        "staging-link": store.staging / "fedcba9876543210fedcba9876543210",
    }
    for path in links.values():
        path.symlink_to(outside, target_is_directory=True)
    # a symlink named like the store's own mark must not make the folder look marked
    (made["notes"] / ".kiosk-staging").symlink_to(outside / "precious.txt")
    return made | links


def _all_there(things: dict[str, Path], outside: Path) -> None:
    for key, path in things.items():
        assert path.exists() or path.is_symlink(), f"{key} ({path}) was deleted"
    assert (outside / "precious.txt").read_text() == "keep me"
    assert (things["notes"] / "notes.txt").read_text() == "staff notes"


@pytest.mark.parametrize("how", ["kiosk-start", "install", "install-then-prune"])
def test_staff_folders_in_the_store_are_never_deleted(
    how: str, store: BundleStore, zips: dict[str, Path], tmp_path: Path
) -> None:
    from kiosk.startup import choose_bundle

    outside = tmp_path / "outside"
    things = _staff_things(store, outside)
    if how == "kiosk-start":
        assert choose_bundle(None, store, say=lambda _line: None) is not None
    elif how == "install":
        store.clean_staging()  # what 'kiosk bundle install' does first
        store.install(zips["1.1.0"])
    else:
        for i in range(4):
            z = tmp_path / f"p{i}.zip"
            assert pack(_bundle(tmp_path / f"p{i}", f"5.{i}.0"), z).ok
            store.clean_staging()
            store.install(z, InstallOptions(keep=1))
    _all_there(things, outside)
    assert store.verify().ok


def test_the_stores_own_leftovers_are_still_cleaned(store: BundleStore) -> None:
    """A killed install: a marked staging folder, and a folder moved in without its record."""
    from kiosk.store.store import PARTIAL_SUFFIX, STAGING_MARK

    dead = store.staging / "deadbeef"
    (dead / "bundle").mkdir(parents=True)
    (dead / STAGING_MARK).write_text("")
    moved = store.bundles / "pavilion-2.0.0-0123456789ab"
    moved.mkdir()
    (moved / "bundle.toml").write_text("format = 1\n")
    (store.bundles / f"{moved.name}{PARTIAL_SUFFIX}").write_text("")
    orphan_mark = store.bundles / f"gone-1.0.0-aaaaaaaaaaaa{PARTIAL_SUFFIX}"
    orphan_mark.write_text("")
    orphan_record = store.bundles / "pavilion-0.1.0-bbbbbbbbbbbb.installed.json"
    orphan_record.write_text("{}")
    store.clean_staging()
    assert not dead.exists() and not moved.exists() and not orphan_mark.exists()
    assert not orphan_record.exists()
    assert not (store.bundles / f"{moved.name}{PARTIAL_SUFFIX}").exists()
    assert store.verify().ok


def test_a_staff_folder_in_the_way_of_an_install_is_not_replaced(
    store: BundleStore, zips: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name an install needs is taken by a folder the store did not make: refuse, keep it."""
    import kiosk.store.store as store_mod

    taken: list[Path] = []
    real_commit = store_mod.BundleStore._commit

    def commit(self: BundleStore, root: Path, name: str, *a: object, **kw: object) -> object:
        (self.bundles / name).mkdir()
        (self.bundles / name / "mine.txt").write_text("staff")
        taken.append(self.bundles / name)
        return real_commit(self, root, name, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(store_mod.BundleStore, "_commit", commit)
    before = store.state().current
    with pytest.raises(InstallError) as exc:
        store.install(zips["1.1.0"])
    err = exc.value.report.errors[0]
    assert err.code == "in-the-way" and str(store.bundles) in err.fix
    assert (taken[0] / "mine.txt").read_text() == "staff"
    assert store.state().current == before


# -- item 17: one store lock; installs never clear each other's staging ------------------------


def test_a_clean_up_during_an_install_leaves_that_install_alone(
    store: BundleStore, zips: dict[str, Path]
) -> None:
    """A CLI install (which cleans up first) starts while the admin panel installs."""
    other = BundleStore(store.data_dir)
    cleaned: list[str] = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "unpacking" and not cleaned:
            cleaned.append(stage)
            other.clean_staging()

    item = store.install(zips["1.1.0"], InstallOptions(progress=progress))
    assert cleaned
    assert store.state().current == item.name and store.verify(item.name).ok
    assert not any(store.staging.iterdir())


def test_an_install_during_an_install_both_succeed(
    store: BundleStore, zips: dict[str, Path], tmp_path: Path
) -> None:
    z = tmp_path / "other.zip"
    init(tmp_path / "other", "booth-2")
    assert pack(tmp_path / "other", z).ok
    nested: list[str] = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "unpacking" and not nested:
            cli = BundleStore(store.data_dir)
            cli.clean_staging()
            nested.append(cli.install(z, InstallOptions(keep=10)).name)

    first = store.install(zips["1.1.0"], InstallOptions(progress=progress, keep=10))
    names = {i.name for i in store.installed()}
    assert {first.name, nested[0]} <= names
    assert all(store.verify(n).ok for n in names)


def _install_in_child(args: tuple[str, str, object]) -> str:
    data, zip_path, barrier = args
    store = BundleStore(Path(data))
    barrier.wait()  # type: ignore[attr-defined]
    store.clean_staging()  # as 'kiosk bundle install' does
    try:
        return store.install(Path(zip_path), InstallOptions(keep=10)).name
    except InstallError as exc:
        return "ERRORS: " + "; ".join(str(p) for p in exc.report.errors)


def test_concurrent_installs_in_processes_all_succeed(tmp_path: Path) -> None:
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    paths = []
    for i in range(4):
        root = tmp_path / f"src{i}"
        init(root, f"booth-{i}")
        z = tmp_path / f"b{i}.zip"
        assert pack(root, z).ok
        paths.append(z)
    data = tmp_path / "data"
    with ctx.Manager() as manager:
        barrier = manager.Barrier(len(paths))
        with ctx.Pool(len(paths)) as pool:
            results = pool.map(_install_in_child, [(str(data), str(z), barrier) for z in paths])
    assert not [r for r in results if r.startswith("ERRORS")], results
    store = BundleStore(data)
    assert {i.name for i in store.installed()} == set(results)
    assert all(store.verify(n).ok for n in results)
    assert store.state().current in results


def test_a_held_lock_makes_changes_wait_then_say_why(
    store: BundleStore, zips: dict[str, Path]
) -> None:
    from kiosk.store.store import StoreBusy

    other = BundleStore(store.data_dir)
    before = store.state().current
    with other.locked():
        with pytest.raises(StoreBusy, match=r"another install.*try again"):
            store.rollback(timeout=0.05)
        with pytest.raises(StoreBusy, match="another install"):
            store.activate(before or "", timeout=0.05)
        with pytest.raises(StoreBusy):
            store.prune(1, timeout=0.05)
    assert store.state().current == before


# -- items 7 and 8: a lost or damaged active pointer -------------------------------------------

DAMAGED_POINTERS: dict[str, bytes | None] = {
    "deleted": None,
    "empty": b"",
    "not-json": b"{current: pavilion",
    "not-utf8": b'{"current": "\xff\xfe"}',
    "a-list": b'["pavilion-1.1.0"]',
    "current-number": b'{"current": 5, "previous": null}',
    "current-float": b'{"current": 1e400}',
    "current-list": b'{"current": ["a", "b"]}',
    "current-dict": b'{"current": {"name": "x"}}',
    "current-null": b'{"current": null}',
    "current-bool": b'{"current": true}',
    "current-empty": b'{"current": ""}',
    "current-huge": b'{"current": "' + b"a" * 100_000 + b'"}',
    "current-traversal": b'{"current": "../../../etc"}',
    "current-absolute": b'{"current": "/etc"}',
    "current-dotdot": b'{"current": ".."}',
    "current-newline": b'{"current": "pavilion\\n"}',
    "current-not-installed": b'{"current": "pavilion-9.9.9-0123456789ab"}',
    "deeply-nested": b'{"current": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "previous-number": b'{"current": 7, "previous": 7}',
}


@pytest.fixture
def two(store: BundleStore, zips: dict[str, Path]) -> tuple[str, str]:
    old = store.state().current
    new = store.install(zips["1.1.0"]).name
    assert old
    return old, new


def _damage(store: BundleStore, payload: bytes | None) -> None:
    if payload is None:
        store.pointer.unlink()
    else:
        store.pointer.write_bytes(payload)


@pytest.mark.parametrize("case", sorted(DAMAGED_POINTERS))
def test_a_damaged_pointer_shows_the_newest_bundle_that_verifies_and_says_so(
    case: str, store: BundleStore, two: tuple[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    from kiosk.bundle import Bundle, load
    from kiosk.startup import choose_bundle

    _old, new = two
    _damage(store, DAMAGED_POINTERS[case])
    tried: list[Path] = []

    def loader(path: Path) -> Bundle:
        tried.append(path)
        return load(path)

    with caplog.at_level("WARNING", logger="kiosk.store.store"):
        shown = choose_bundle(None, store, loader=loader)
    assert tried == [store.bundles / new]  # the newest that verifies, not the sample bundle
    assert shown is not None and shown.version == "1.1.0"
    said = "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    assert "active.json" in said and new in said and "kiosk bundle activate" in said
    # the pointer was repaired: rollback and the swap watch work again
    assert store.state().current == new and store.pointer_problem() is None


@pytest.mark.parametrize("case", ["deleted", "current-number", "current-traversal"])
def test_the_fallback_skips_a_bundle_that_does_not_verify(
    case: str, store: BundleStore, two: tuple[str, str]
) -> None:
    old, new = two
    (store.bundles / new / "entities/example/entity.toml").write_text("tampered", "utf-8")
    _damage(store, DAMAGED_POINTERS[case])
    assert store.active_path() == store.bundles / old


@pytest.mark.parametrize("case", ["deleted", "current-number", "current-not-installed", "empty"])
def test_a_damaged_pointer_does_not_let_an_older_version_in(
    case: str, store: BundleStore, two: tuple[str, str], zips: dict[str, Path], tmp_path: Path
) -> None:
    z = tmp_path / "v1.0.5.zip"
    assert pack(_bundle(tmp_path / "v105", "1.0.5", "#0D6E55"), z).ok
    store.rollback()  # 1.0.0 active, 1.1.0 installed
    with pytest.raises(InstallError) as exc:
        store.install(z)
    assert exc.value.report.errors[0].code == "downgrade"
    assert "1.1.0" in exc.value.report.errors[0].message
    _damage(store, DAMAGED_POINTERS[case])
    for older in (zips["0.9.0"], z):
        with pytest.raises(InstallError) as exc:
            store.install(older)
        assert [e.code for e in exc.value.report.errors] == ["downgrade"]


@pytest.mark.parametrize("case", sorted(DAMAGED_POINTERS))
def test_a_damaged_pointer_never_crashes_the_store(
    case: str, store: BundleStore, two: tuple[str, str]
) -> None:
    _damage(store, DAMAGED_POINTERS[case])
    state = store.state()
    assert state.current is None or state.current == "pavilion-9.9.9-0123456789ab"
    assert store.pointer_problem()
    with pytest.raises(KeyError):
        store.rollback()
    store.prune(1)  # never the bundle the kiosk falls back to showing
    assert [i.name for i in store.installed()] == [two[1]]
    store.activate(two[1])
    assert store.state().current == two[1] and store.verify().ok


# -- item 2: trusted_keys set but unusable: every install is refused -------------------------


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("signed", [False, True])
def test_unusable_trusted_keys_refuse_every_install(
    force: bool, signed: bool, store: BundleStore, zips: dict[str, Path], tmp_path: Path
) -> None:
    from kiosk.config import load_config

    cfg_path = tmp_path / "kiosk.toml"
    cfg_path.write_text('trusted_keys = ["AAAA"]\n', "utf-8")
    cfg, _ = load_config(cfg_path)
    z = tmp_path / "b.zip"
    shutil.copyfile(zips["1.1.0"], z)
    if signed:
        new_keypair(tmp_path / "k")
        sign_file(z, load_private_key(tmp_path / "k" / "kiosk-signing.key"))
    before = store.state().current
    opts = InstallOptions(
        trusted_keys=list(cfg.trusted_keys),
        force=force,
        keys_unusable=cfg.signature_problem,
        config_file=str(cfg_path),
    )
    with pytest.raises(InstallError) as exc:
        store.install(z, opts)
    err = exc.value.report.errors[0]
    assert (err.file, err.field, err.code) == (str(cfg_path), "trusted_keys", "keys-unusable")
    assert "kiosk keys new" in err.fix
    assert store.state().current == before and len(store.installed()) == 1


def test_what_the_store_refuses_is_a_store_error_that_reads_as_a_sentence(
    tmp_path: Path, store: BundleStore
) -> None:
    from kiosk.store import (
        InstallError,
        NoActiveBundle,
        NothingToRollBack,
        NotInstalled,
        StoreBusy,
        StoreError,
    )

    for kind in (InstallError, NoActiveBundle, NothingToRollBack, NotInstalled, StoreBusy):
        assert issubclass(kind, StoreError)
    with pytest.raises(NothingToRollBack) as rolled:
        store.rollback()  # one bundle installed: nothing before it
    assert str(rolled.value) == "there is no previous bundle to roll back to"  # no quotes
    with pytest.raises(NotInstalled) as missing:
        store.get("pavilion-9.9.9")
    assert str(missing.value).startswith("no installed bundle is called 'pavilion-9.9.9'")
    with pytest.raises(NoActiveBundle):
        BundleStore(tmp_path / "empty").verify()
