"""docs/deploy.md's Prometheus scrape config and alert rules: valid, and about real metrics."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from kiosk.analytics import EventLog
from kiosk.bundle import load
from kiosk.config import load_config
from kiosk.metrics import KioskMetrics, parse_text, render
from kiosk.paths import SAMPLE_BUNDLE

REPO = Path(__file__).resolve().parents[2]
DEPLOY_MD = REPO / "docs" / "deploy.md"
WANTED_ALERTS = {
    "KioskDown",
    "KioskNoFrame",
    "KioskEventWriterFailing",
    "KioskDiskLow",
    "KioskBundleVersionsDiffer",
}


def block(first_line: str, lang: str = "yaml") -> str:
    docs = DEPLOY_MD.read_text("utf-8")
    m = re.search(rf"```{lang}\n({re.escape(first_line)}\n.*?)```", docs, re.S)
    assert m is not None, f"no {lang} block starting {first_line!r} in {DEPLOY_MD}"
    return m.group(1)


def scrape_config() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(block("# prometheus.yml (kiosk fleet)"))
    return data


def alert_rules() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(block("# kiosk-alerts.yml"))
    return data


def exported_names(tmp_path: Path) -> set[str]:
    """Every sample name a kiosk with a writer, a frame and a swap exports."""
    bundle = load(SAMPLE_BUNDLE)
    log = EventLog(tmp_path / "kiosk.db", "booth-1")
    log.start()
    try:
        log.log("session_start")
        log.flush()
        km = KioskMetrics("booth-1", tmp_path, tmp_path / "kiosk.db", lambda: bundle, log)
        km.frame()
        km.swapped(True, "x")
        return set(parse_text(render(km.registry()).decode()))
    finally:
        log.close()


def test_the_scrape_config_scrapes_the_kiosks() -> None:
    cfg = scrape_config()
    assert cfg["rule_files"] == ["kiosk-alerts.yml"]
    (job,) = cfg["scrape_configs"]
    assert job["job_name"] == "kiosk" and job["metrics_path"] == "/metrics"
    for target in job["static_configs"][0]["targets"]:
        assert re.fullmatch(r"[\d.]+:9464", target)


def test_the_alert_rules_cover_what_the_issue_asks_about_real_metrics(tmp_path: Path) -> None:
    (group,) = alert_rules()["groups"]
    rules = {r["alert"]: r for r in group["rules"]}
    assert set(rules) == WANTED_ALERTS
    names = exported_names(tmp_path)
    for name, rule in rules.items():
        assert rule["annotations"]["summary"] and rule["labels"]["severity"], name
        for metric in re.findall(r"\bkiosk_\w+", rule["expr"]):
            assert metric in names, f"{name} uses {metric}, which the kiosk does not export"
    assert "hour()" in rules["KioskDown"]["expr"]  # only during opening hours
    assert "> 30" in rules["KioskNoFrame"]["expr"]
    assert "< 1e9" in rules["KioskDiskLow"]["expr"]


def test_the_kiosk_toml_example_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(block("[metrics]", "toml"))
    cfg, problems = load_config(path)
    assert problems == []
    assert cfg.metrics is not None and cfg.metrics.allow and cfg.metrics.screenshot_token


PROMTOOL = shutil.which("promtool")


@pytest.mark.skipif(
    PROMTOOL is None, reason="promtool is not installed (the YAML is checked above)"
)
def test_promtool_accepts_the_rules_and_the_config(tmp_path: Path) -> None:
    assert PROMTOOL is not None
    (tmp_path / "kiosk-alerts.yml").write_text(block("# kiosk-alerts.yml"))
    (tmp_path / "prometheus.yml").write_text(block("# prometheus.yml (kiosk fleet)"))
    for args in (["check", "rules", "kiosk-alerts.yml"], ["check", "config", "prometheus.yml"]):
        out = subprocess.run(
            [PROMTOOL, *args], cwd=tmp_path, capture_output=True, text=True, timeout=60
        )
        assert out.returncode == 0, out.stdout + out.stderr
