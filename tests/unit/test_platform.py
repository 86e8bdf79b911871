"""Guards on the platform: the PySide6 pin, and a core that never imports Qt."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SIGNAL_STORM = textwrap.dedent(
    """
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        fired = Signal(int)

    app = QCoreApplication([])
    e = Emitter()
    total = 0

    def slot(n):
        global total
        total += n

    for i in range(10_000):
        e.fired.connect(slot)
        e.fired.emit(1)
        e.fired.disconnect(slot)
    assert total == 10_000, total
    print("ok", total)
    """
)


def test_ten_thousand_signals_do_not_abort_the_process() -> None:
    # PySide6 6.12.0 on Python 3.11 aborts with "Fatal Python error: bool_dealloc" after a
    # few hundred Python-side emit()/disconnect() calls (benchmarks/README.md, "Figures behind
    # the thresholds"); 10,000 leave a wide margin. This runs in a child so the crash shows as
    # a failed test, not a dead test run.
    out = subprocess.run(
        [sys.executable, "-c", SIGNAL_STORM], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok 10000"


CORE_IMPORT = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    import kiosk
    names = [m.name for m in pkgutil.walk_packages(kiosk.__path__, "kiosk.")
             if not m.name.startswith("kiosk.qt")]
    assert "kiosk.bundle" in names and "kiosk.cli" in names, names
    for name in names:
        importlib.import_module(name)
    bad = sorted(m for m in sys.modules if m.split(".")[0] == "PySide6")
    print(",".join(bad))
    """
)


def test_core_never_imports_pyside6() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CORE_IMPORT], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_core_sources_have_no_qt_imports() -> None:
    offenders = [
        str(p.relative_to(REPO))
        for p in (REPO / "kiosk").rglob("*.py")
        if "qt" not in p.relative_to(REPO / "kiosk").parts
        and any(
            line.lstrip().startswith(("import PySide6", "from PySide6"))
            for line in p.read_text("utf-8").splitlines()
        )
    ]
    assert offenders == []
