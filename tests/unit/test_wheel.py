"""The wheel is the product: built from this checkout, installed into a new venv elsewhere, it
validates its sample bundle and shows its first frame, with no checkout in sight.

The venv is made the quick way, offline: ``venv --without-pip``, the third-party packages seen
through a ``.pth`` line naming this interpreter's site-packages (a ``.pth`` there is not read, so
the checkout's editable install stays out), and the wheel installed by pip into the new venv.
Every command runs with the venv's own ``kiosk`` script, from a folder outside the checkout,
without PYTHONPATH, with HOME in a temporary folder.
"""

from __future__ import annotations

import json
import os
import re
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]  # the checkout
DATA_FOLDERS = ("ui", "sample_bundle")  # package data: kiosk/<folder>/** must all ship


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    site: Path  # the new venv's site-packages
    outside: Path  # the working folder: not the checkout, not under it
    env: dict[str, str]

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=self.outside, env=self.env, capture_output=True, text=True, timeout=timeout
        )

    def python(self, code: str) -> subprocess.CompletedProcess[str]:
        return self.run(str(self.venv / "bin" / "python"), "-c", code)


def checked(out: subprocess.CompletedProcess[str], what: str) -> str:
    assert out.returncode == 0, f"{what} failed ({out.returncode}):\n{out.stdout}{out.stderr}"[
        -4000:
    ]
    return out.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    tmp = tmp_path_factory.mktemp("wheel")
    assert not tmp.is_relative_to(REPO)
    # Build from a copy: the build leaves build/ and *.egg-info beside the sources.
    src = tmp / "src"
    shutil.copytree(REPO / "kiosk", src / "kiosk", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, src / name)
    dist = tmp / "dist"
    checked(
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(src)],
            cwd=tmp,
            capture_output=True,
            text=True,
            timeout=300,
        ),
        "pip wheel (it fetches the build backend, setuptools, from the package index)",
    )
    (wheel,) = dist.glob("qatar_pavilion_kiosk-*.whl")

    venv = tmp / "venv"
    checked(
        subprocess.run(
            [sys.executable, "-m", "venv", "--without-pip", str(venv)],
            capture_output=True,
            text=True,
            timeout=120,
        ),
        "python -m venv",
    )
    site = Path(
        checked(
            subprocess.run(
                [
                    str(venv / "bin" / "python"),
                    "-c",
                    "import sysconfig; print(sysconfig.get_path('purelib'))",
                ],
                capture_output=True,
                text=True,
                timeout=60,
            ),
            "the venv's python",
        ).strip()
    )
    deps = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    (site / "kiosk-test-deps.pth").write_text("".join(f"{p}\n" for p in deps), "utf-8")
    checked(
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "--python",
                str(venv / "bin" / "python"),
                "install",
                "-q",
                "--no-deps",
                "--no-index",
                "--ignore-installed",
                str(wheel),
            ],
            cwd=tmp,
            capture_output=True,
            text=True,
            timeout=300,
        ),
        "pip install the wheel",
    )

    outside = tmp / "elsewhere"
    (outside / "home").mkdir(parents=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "KIOSK_CONFIG", "KIOSK_TRACE"}
        and not k.startswith(("XDG_", "NOTIFY_", "WATCHDOG_"))
    }
    env.update(
        HOME=str(outside / "home"),
        PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}",
        QT_QPA_PLATFORM="offscreen",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return Installed(wheel=wheel, venv=venv, site=site, outside=outside, env=env)


def test_the_wheel_carries_the_qml_module_and_the_sample_bundle(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    wanted = {
        f.relative_to(REPO).as_posix()
        for folder in DATA_FOLDERS
        for f in (REPO / "kiosk" / folder).rglob("*")
        if f.is_file() and "__pycache__" not in f.parts
    }
    assert "kiosk/ui/Kiosk/qmldir" in wanted and "kiosk/sample_bundle/bundle.toml" in wanted
    missing = sorted(wanted - names)
    assert not missing, (
        "files the wheel leaves out ([tool.setuptools.package-data]):\n" + "\n".join(missing)
    )
    assert not {n for n in names if n.startswith(("tests/", "assets/", "benchmarks/", "ui/"))}


def test_the_installed_kiosk_is_the_venvs_not_the_checkouts(installed: Installed) -> None:
    out = installed.python(
        "import json, kiosk, kiosk.paths as p; "
        "print(json.dumps([kiosk.__file__, str(p.SAMPLE_BUNDLE), str(p.UI_DIR)]))"
    )
    found = [Path(f) for f in json.loads(checked(out, "import kiosk").splitlines()[-1])]
    for path in found:
        assert path.is_relative_to(installed.site), f"{path} is not in the new venv"
        assert not path.resolve().is_relative_to(REPO), f"{path} is in the checkout"
    _module, sample, ui = found
    assert (ui / "Kiosk" / "qmldir").is_file()
    assert (sample / "bundle.toml").is_file()


def installed_sample(installed: Installed) -> Path:
    out = installed.python("from kiosk.paths import SAMPLE_BUNDLE; print(SAMPLE_BUNDLE)")
    return Path(checked(out, "kiosk.paths").strip())


def test_kiosk_bundle_validate_passes_on_the_bundled_sample(installed: Installed) -> None:
    sample = installed_sample(installed)
    out = installed.run("kiosk", "bundle", "validate", str(sample))
    assert checked(out, "kiosk bundle validate").strip() == (
        f"{sample} is valid: 0 errors, 0 warnings"
    )


def first_datagram(
    sock: socket.socket, proc: subprocess.Popen[bytes], timeout: float
) -> tuple[str, bytes]:
    """The first datagram on ``sock``, or "" when the kiosk exits (its stderr closes) or the time
    runs out first; and what the kiosk wrote to stderr meanwhile."""
    assert proc.stderr is not None
    err = b""
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(proc.stderr, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0:
            for key, _ in sel.select(left):
                if key.fileobj is sock:
                    return sock.recv(4096).decode(), err
                chunk = os.read(proc.stderr.fileno(), 65536)
                if not chunk:
                    return "", err
                err += chunk
    return "", err


def test_kiosk_run_reaches_its_first_frame_offscreen(installed: Installed) -> None:
    # systemd's notify socket (kiosk.qt.systemd): the kiosk sends READY=1 at its first frame,
    # so the test waits for that datagram, not for time to pass.
    name = f"kiosk-wheel-{os.getpid()}-{os.urandom(4).hex()}"
    data = installed.outside / "data"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        proc = subprocess.Popen(
            ["kiosk", "run", "--windowed", "--data-dir", str(data), "--db", str(data / "k.db")],
            cwd=installed.outside,
            env={**installed.env, "NOTIFY_SOCKET": "@" + name},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            ready, early = first_datagram(sock, proc, timeout=90)
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
            _, late = proc.communicate(timeout=60)
    err = (early + late).decode("utf-8", "replace")
    assert ready.startswith("READY=1"), f"no first frame (exit {proc.returncode}):\n{err[-3000:]}"
    # SIGTERM before the kiosk has hooked its signals (just after the first frame) ends it at once
    assert proc.returncode in (0, -signal.SIGTERM), err[-3000:]
    assert "Traceback" not in err, err[-3000:]


def test_every_dependency_of_the_wheel_is_pinned_in_the_runtime_lock(installed: Installed) -> None:
    # docs/deploy.md installs requirements/runtime.txt, then the wheel with --no-deps:
    # a dependency missing from the lock would be missing on the booth
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    with zipfile.ZipFile(installed.wheel) as z:
        (meta,) = [n for n in z.namelist() if n.endswith(".dist-info/METADATA")]
        lines = z.read(meta).decode("utf-8").splitlines()
    needs = [
        Requirement(line.split(":", 1)[1]) for line in lines if line.startswith("Requires-Dist:")
    ]
    needs = [r for r in needs if r.marker is None or r.marker.evaluate({"extra": ""})]
    assert needs, "the wheel declares no dependency"
    lock = (REPO / "requirements" / "runtime.txt").read_text("utf-8")
    pins = {
        canonicalize_name(name): version
        for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", lock, re.MULTILINE)
    }
    problems = [
        f"{r}: pinned {pins.get(canonicalize_name(r.name), 'nowhere')}"
        for r in needs
        if not r.specifier.contains(
            pins.get(canonicalize_name(r.name), "0.0.0a0"), prereleases=True
        )
    ]
    assert not problems, (
        "requirements/runtime.txt does not satisfy the wheel (run scripts/lock):\n"
        + "\n".join(problems)
    )
    dev_tools = {"pytest", "mypy", "ruff", "hypothesis", "pytest-qt", "pytest-timeout"}
    assert not dev_tools & set(pins), "the runtime lock holds test tools"
