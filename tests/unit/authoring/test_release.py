"""Packing from the Studio, the pure half (kiosk/authoring/release.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring.release import next_version, pack_and_sign, pack_name, version_problem
from kiosk.bundle import init
from kiosk.bundle.validate import validate
from kiosk.store import new_keypair
from kiosk.store.keys import verify_signature


@pytest.mark.parametrize(
    ("old", "new"), [("1.0.0", "1.0.1"), ("2", "3"), ("1.9", "1.10"), ("", "1.0.0"), ("x", "1.0.0")]
)
def test_next_version_raises_the_last_number(old: str, new: str) -> None:
    assert next_version(old) == new


def test_version_problem_wants_numbers_and_a_higher_one() -> None:
    assert version_problem("1.0.1", "1.0.0") is None
    assert version_problem("1.10", "1.9") is None
    assert "not higher than 1.0.0: use 1.0.1" in str(version_problem("1.0.0", "1.0.0"))
    assert "not a version number" in str(version_problem("1.0.1-beta", "1.0.0"))
    assert pack_name("pavilion", "1.0.1") == "pavilion-1.0.1.zip"


def test_pack_and_sign_writes_a_valid_zip_and_its_signature(tmp_path: Path) -> None:
    init(tmp_path / "b", "b")
    key, public = new_keypair(tmp_path / "keys")
    out = tmp_path / "b-1.0.0.zip"
    packed = pack_and_sign(tmp_path / "b", out, key)
    assert packed.ok and packed.signature == tmp_path / "b-1.0.0.zip.sig"
    assert verify_signature(out, [public]) == public
    assert validate(out).ok

    bad = tmp_path / "not.key"
    bad.write_text("nonsense\n")
    packed = pack_and_sign(tmp_path / "b", tmp_path / "again.zip", bad)
    assert not packed.ok and "was packed but not signed" in packed.problem
    assert "Fix: choose the .key file" in packed.problem
