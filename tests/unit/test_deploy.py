"""What docs/config.md and deploy/ promise: the example config, the unit, the log export."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.analytics import EventLog, merge
from kiosk.config import ADMIN_KEYS, IDLE_RANGES, TOP_KEYS, load_config

REPO = Path(__file__).resolve().parents[2]  # the checkout

DEPLOY = REPO / "deploy"
KIOSK = Path(sys.executable).parent / "kiosk"


def test_the_complete_example_in_config_md_is_valid(tmp_path: Path) -> None:
    docs = (REPO / "docs" / "config.md").read_text("utf-8")
    example = re.search(r"A complete file:\n\n```toml\n(.*?)```", docs, re.S)
    assert example is not None
    text = example.group(1).replace('pin_hash = "scrypt$16384$8$1$...$..."\n', "")
    (tmp_path / "kiosk.toml").write_text(text, "utf-8")
    cfg, problems = load_config(tmp_path / "kiosk.toml")
    assert problems == []
    assert cfg.kiosk_id == "booth-2" and len(cfg.trusted_keys) == 1
    for key in (*TOP_KEYS, *IDLE_RANGES, *ADMIN_KEYS):
        if key not in ("idle", "admin"):
            assert f"`{key}`" in docs, key


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DEPLOY / name)
    return parser


def test_the_unit_restarts_watches_and_respects_the_panels_exit() -> None:
    from kiosk.qt.admin import EXIT_RESTART, EXIT_STAFF

    service = unit("kiosk.service")["Service"]
    assert service["Type"] == "notify"
    assert service["NotifyAccess"] == "all"  # the kiosk is cage's child
    assert (service["Restart"], service["RestartSec"], service["WatchdogSec"]) == (
        "always",
        "2",
        "30",
    )
    assert service["RestartPreventExitStatus"].split() == [str(EXIT_STAFF)]
    assert str(EXIT_RESTART) not in service["RestartPreventExitStatus"].split()
    assert service["ExecStart"] == "/usr/bin/cage -d -- /opt/kiosk/.venv/bin/kiosk run"
    assert service["User"] == "kiosk" and service["PAMName"] == "kiosk"
    assert (DEPLOY / "kiosk.pam").read_text().count("pam_systemd.so") == 1
    timer = unit("kiosk-export.timer")
    assert timer["Timer"]["OnUnitActiveSec"] == "15min"
    assert unit("kiosk-export.service")["Service"]["ExecStart"] == "/opt/kiosk/deploy/kiosk-export"


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="needs the sqlite3 command")
def test_kiosk_export_copies_a_live_database_that_merges(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "kiosk.toml").write_text(f'kiosk_id = "booth-7"\ndata_dir = "{data}"\n')
    log = EventLog(data / "kiosk.db", "booth-7")
    log.start()
    for i in range(50):
        log.log("tap", payload={"x": i})
    assert log.flush()  # the writer stays open, as in a running kiosk
    env = dict(
        os.environ,
        HOME=str(tmp_path / "home"),
        KIOSK_CONFIG=str(tmp_path / "kiosk.toml"),
        KIOSK=str(KIOSK),
    )
    out = subprocess.run(
        [str(DEPLOY / "kiosk-export"), str(tmp_path / "export")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    log.close()
    assert out.returncode == 0, out.stderr
    copy = tmp_path / "export" / "booth-7.db"
    assert out.stdout.strip() == f"kiosk-export: {copy}"
    assert sorted(p.name for p in copy.parent.iterdir()) == ["booth-7.db"]
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone() == (50,)
    conn.close()
    assert merge([copy], tmp_path / "all.db")[:2] == (50, 0)
    assert merge([copy], tmp_path / "all.db")[:2] == (0, 50)


def setup_packages(kind: str) -> list[str]:
    """A package list of scripts/setup (``RUN_PKGS`` or ``TEST_PKGS``)."""
    text = (REPO / "scripts" / "setup").read_text("utf-8")
    match = re.search(rf"^{kind}=\(([^)]*)\)", text, re.MULTILINE)
    assert match, f"scripts/setup has no {kind}=(...) list"
    return match.group(1).split()


def deploy_md_block(heading: str) -> str:
    """The shell blocks of one section of docs/deploy.md, joined."""
    text = (REPO / "docs" / "deploy.md").read_text("utf-8")
    section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    return "\n".join(re.findall(r"```sh\n(.*?)```", section, re.DOTALL))


def test_deploy_md_installs_every_debian_package_the_kiosk_needs() -> None:
    apt = deploy_md_block("1. Debian and the kiosk user")
    words = set(apt.replace("\\\n", " ").split())
    missing = [p for p in setup_packages("RUN_PKGS") if p not in words]
    assert not missing, f"docs/deploy.md step 1: add {' '.join(missing)} to the apt-get line"
    assert "git" not in words  # the kiosk machine gets a wheel, not a checkout


def test_deploy_md_installs_the_wheel_with_the_runtime_pins_only() -> None:
    shell = deploy_md_block("2. The application in /opt/kiosk")
    assert "pip wheel --no-deps -w release ." in shell
    assert "pip install --require-hashes -r requirements/runtime.txt" in shell
    assert "pip install --no-deps qatar_pavilion_kiosk-*.whl" in shell
    assert "dev.txt" not in shell and "scripts/setup" not in shell and "-e ." not in shell
    # the release folder holds what the units and the export script name under /opt/kiosk
    assert "cp -r deploy docs release/" in shell
    assert (REPO / "requirements" / "runtime.txt").is_file()
