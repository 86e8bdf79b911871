"""``kiosk`` itself: what every command shares."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]  # the checkout


@pytest.mark.parametrize(
    "argv",
    [["bundle", "validate", "x"], ["run", "--windowed"], ["report", "-o", "r.html"], ["doctor"]],
    ids=lambda a: a[0],
)
def test_a_zipped_kiosk_says_so_in_one_line_with_the_fix(tmp_path: Path, argv: list[str]) -> None:
    archive = tmp_path / "kiosk.pyz"
    with zipfile.ZipFile(archive, "w") as z:
        for f in sorted((REPO / "kiosk").rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".mp4":
                z.write(f, f.relative_to(REPO).as_posix())
    code = f"import sys; sys.path.insert(0, {str(archive)!r}); from kiosk.cli import main; "
    code += f"sys.exit(main({argv!r}))"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Traceback" not in out.stderr, out.stderr
    (line,) = out.stderr.strip().splitlines()
    assert line.startswith("kiosk: the kiosk's ")
    assert "folder is inside an archive" in line and "kiosk.pyz" in line
    assert "install the kiosk with pip" in line
