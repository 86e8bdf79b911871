"""Start-up imports only what the first frame needs: the lazy packages stay lazy.

``kiosk.bundle``, ``kiosk.analytics`` and ``kiosk.store`` import their public names on first
use (PEP 562, :mod:`kiosk.lazy`). Each check runs in a fresh interpreter, since this
process has long imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

import kiosk.analytics
import kiosk.bundle
import kiosk.store

REPO = Path(__file__).resolve().parents[2]

STAFF_ONLY = {
    # packing, scaffolding, zip archives (and hashing): bundle tools and installs
    "kiosk.bundle.archive",
    "kiosk.bundle.pack",
    "kiosk.bundle.scaffold",
    # statistics, exports, reports, the simulator: staff commands and the admin panel
    "kiosk.analytics.exchange",
    "kiosk.analytics.report",
    "kiosk.analytics.simulate",
    "kiosk.analytics.stats",
    # drop folders and signatures: the admin panel and installs
    "kiosk.store.drop",
    "kiosk.store.keys",
}


def imported_after(code: str) -> set[str]:
    """The kiosk modules a fresh interpreter holds after running ``code``."""
    probe = code + textwrap.dedent(
        """
        import json, sys
        print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "kiosk")))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_importing_the_packages_imports_no_submodule() -> None:
    loaded = imported_after("import kiosk.bundle, kiosk.analytics, kiosk.store")
    assert loaded == {"kiosk", "kiosk.lazy", "kiosk.bundle", "kiosk.analytics", "kiosk.store"}


@pytest.mark.parametrize(
    ("code", "wanted", "not_wanted"),
    [
        (
            "from kiosk.bundle import Bundle",
            {"kiosk.bundle.model"},
            {"kiosk.bundle.validate", "kiosk.bundle.schema", "kiosk.bundle.media"},
        ),
        ("from kiosk.bundle import load", {"kiosk.bundle.validate"}, set()),
        ("from kiosk.analytics import EventLog, Recorder", {"kiosk.analytics.store"}, set()),
        ("from kiosk.store import BundleStore", {"kiosk.store.store"}, set()),
    ],
)
def test_a_name_imports_only_its_own_module(
    code: str, wanted: set[str], not_wanted: set[str]
) -> None:
    loaded = imported_after(code)
    assert wanted <= loaded
    assert not loaded & (STAFF_ONLY | not_wanted), sorted(loaded & (STAFF_ONLY | not_wanted))


def test_the_kiosk_start_up_imports_no_staff_module() -> None:
    # kiosk.qt.app is what `kiosk run` (main.py) imports before its first frame
    loaded = imported_after("import kiosk.cli, kiosk.cli.run, kiosk.qt.app")
    assert {"kiosk.bundle.validate", "kiosk.analytics.store", "kiosk.store.store"} <= loaded
    assert not loaded & STAFF_ONLY, sorted(loaded & STAFF_ONLY)


@pytest.mark.parametrize("package", [kiosk.bundle, kiosk.analytics, kiosk.store])
def test_every_public_name_resolves(package: types.ModuleType) -> None:
    assert sorted(package.__all__) == sorted(package._SOURCES)
    for name in package.__all__:
        value = getattr(package, name)
        assert not isinstance(value, types.ModuleType), name
        assert name in dir(package)
    with pytest.raises(AttributeError):
        package.no_such_name  # noqa: B018


def test_pack_and_validate_stay_functions_when_their_modules_are_imported_first() -> None:
    # a submodule becomes an attribute of its package when imported; these two share
    # their module's name, and the function must win whatever is imported first
    code = textwrap.dedent(
        """
        import kiosk.bundle.pack, kiosk.bundle.validate
        from kiosk.bundle import pack, validate
        import kiosk.bundle as b
        assert callable(pack) and callable(validate), (pack, validate)
        assert b.pack is pack and b.validate is validate
        assert pack.__module__ == "kiosk.bundle.pack"
        """
    )
    loaded = imported_after(code)
    assert "kiosk.bundle.pack" in loaded


FIRST_FRAME_PROBE = textwrap.dedent(
    """
    import argparse, os, sys, tempfile
    import PySide6.QtCore as QtCore
    from kiosk.cli.run import add_run_arguments
    from kiosk.qt import app

    parser = argparse.ArgumentParser()
    add_run_arguments(parser)
    data = tempfile.mkdtemp()
    args = parser.parse_args(["--windowed", "--data-dir", data, "--db", os.path.join(data, "k.db")])

    def first_frame():
        print("Qt namespace built:", "Qt" in vars(QtCore), flush=True)
        print("asyncio imported:", "asyncio" in sys.modules or "qasync" in sys.modules, flush=True)
        from PySide6.QtGui import QGuiApplication
        QGuiApplication.instance().exit(0)

    sys.exit(app.run(args, on_first_frame=first_frame))
    """
)


def first_frame_probe() -> str:
    """Run the kiosk to its first frame in a fresh interpreter; what it printed there."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=env,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def test_the_kiosk_reaches_its_first_frame_without_building_pysides_qt_namespace() -> None:
    # its first use builds every enum of PySide6's Qt namespace (kiosk.qt.frames), which the
    # first frame must not wait for (what it costs: benchmarks/README.md, "Figures behind the
    # thresholds")
    said = first_frame_probe()
    assert "Qt namespace built: False" in said, said


def test_the_kiosk_reaches_its_first_frame_before_it_imports_asyncio() -> None:
    # asyncio and qasync (kiosk.qt.aio) are slow to import: they come after the first frame
    # (what they cost: benchmarks/README.md, "Figures behind the thresholds")
    said = first_frame_probe()
    assert "asyncio imported: False" in said, said
