"""``kiosk run --metrics HOST:PORT`` over kiosk.toml's ``[metrics]``."""

from __future__ import annotations

import argparse
import ipaddress
from pathlib import Path

import pytest

from kiosk.cli.run import add_run_arguments
from kiosk.qt.app import settings_from_args

TOKEN = "a-staff-token-of-enough-length"


def _args(*argv: str) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    add_run_arguments(p)
    return p.parse_args(list(argv))


def test_metrics_are_off_unless_asked(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text("")
    s, _ = settings_from_args(_args("--config", str(tmp_path / "kiosk.toml")))
    assert s.metrics is None


def test_the_flag_moves_the_address_and_keeps_the_allowlist_and_token(tmp_path: Path) -> None:
    toml = tmp_path / "kiosk.toml"
    toml.write_text(
        '[metrics]\nlisten = "0.0.0.0:9464"\nallow = ["10.0.0.0/8"]\n'
        f'screenshot_token = "{TOKEN}"\n'
    )
    s, problems = settings_from_args(_args("--config", str(toml)))
    assert problems == [] and s.metrics is not None and s.metrics.port == 9464
    s, _ = settings_from_args(_args("--config", str(toml), "--metrics", "127.0.0.1:9999"))
    assert s.metrics is not None
    assert (s.metrics.host, s.metrics.port) == ("127.0.0.1", 9999)
    assert s.metrics.allow == (ipaddress.ip_network("10.0.0.0/8"),)
    assert s.metrics.screenshot_token == TOKEN


def test_a_bad_flag_is_refused_before_any_window(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _args("--metrics", "nowhere")
    assert "HOST:PORT" in capsys.readouterr().err
