"""A font whose glyphs draw nothing is refused by validate, pack, install and the hot
swap's check, naming the file and the role it has (issue 11, item 11)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QRawFont

from kiosk.bundle import BundleError, init, load, validate
from kiosk.bundle.media import ARABIC_SAMPLE, LATIN_SAMPLE
from kiosk.cli import main
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.glyphs import check_glyphs, glyph_checked, probe_fonts
from kiosk.qt.inspector import media_inspector

from .blank_fonts import blank_glyphs, zero_table

ROLES = {
    "NotoSans-Regular.ttf": "fonts.latin",
    "NotoSans-Bold.ttf": "fonts.latin",
    "NotoNaskhArabic-Regular.ttf": "fonts.arabic",
    "NotoNaskhArabic-Bold.ttf": "fonts.arabic",
    "NotoKufiArabic-Bold.ttf": "fonts.arabic_heading",
}


def _blank_some(path: Path) -> bytes:
    """Only the glyphs of one letter of the role's sample emptied ('e', or 'ر')."""
    letter = "e" if "Sans" in path.name else "ر"
    raw = QRawFont(str(path), 12)
    return blank_glyphs(path.read_bytes(), list(raw.glyphIndexesForString(letter)))


BLANKINGS: dict[str, Callable[[Path], bytes]] = {
    "loca zeroed": lambda p: zero_table(p.read_bytes(), b"loca"),
    "glyf zeroed": lambda p: zero_table(p.read_bytes(), b"glyf"),
    "one letter emptied": _blank_some,
}


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    root = tmp_path / "bundle"
    init(root)
    return root


def _font_errors(root: Path) -> list[str]:
    report = validate(root, media_inspector())
    return [str(p) for p in report.errors if p.code == "font-glyphs"]


@pytest.mark.parametrize("how", sorted(BLANKINGS))
@pytest.mark.parametrize("name", sorted(ROLES))
def test_a_font_that_draws_nothing_is_refused_naming_file_and_role(
    qapp: QGuiApplication, bundle: Path, name: str, how: str
) -> None:
    font = bundle / "fonts" / name
    font.write_bytes(BLANKINGS[how](font))
    errors = _font_errors(bundle)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"fonts/{name}: the font does not draw text")
    assert "empty" in errors[0] and ROLES[name] in errors[0]
    assert "copy the font file again" in errors[0]


def test_a_latin_font_named_for_arabic_text_is_refused(bundle: Path) -> None:
    toml = bundle / "bundle.toml"
    toml.write_text(
        toml.read_text("utf-8").replace('arabic = "Noto Naskh Arabic"', 'arabic = "Noto Sans"'),
        "utf-8",
    )
    errors = _font_errors(bundle)
    assert errors and all(
        "no glyphs for 'م'" in e and "fonts.arabic 'Noto Sans'" in e for e in errors
    )
    assert {e.split(":")[0] for e in errors} == {
        "fonts/NotoSans-Regular.ttf",
        "fonts/NotoSans-Bold.ttf",
    }


def test_sound_fonts_draw_their_samples(qapp: QGuiApplication, bundle: Path) -> None:
    fonts = bundle / "fonts"
    samples = [(fonts / n, ARABIC_SAMPLE if "Arabic" in n else LATIN_SAMPLE) for n in ROLES]
    assert check_glyphs(samples) == {}
    assert _font_errors(bundle) == []


def test_a_file_that_is_not_a_font_is_named_and_the_others_still_checked(tmp_path: Path) -> None:
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"\x00\x01\x00\x00" + bytes(200))
    good = SAMPLE_BUNDLE / "fonts" / "NotoSans-Regular.ttf"
    found = probe_fonts([(junk, LATIN_SAMPLE), (good, LATIN_SAMPLE)])
    assert found[junk].error and not found[good].error
    assert found[good].families == ("Noto Sans",)


def test_cli_validate_and_install_refuse_a_blank_font(
    bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    font = bundle / "fonts" / "NotoSans-Regular.ttf"
    font.write_bytes(zero_table(font.read_bytes(), b"loca"))
    assert main(["bundle", "validate", str(bundle)]) == 1
    out = capsys.readouterr().out
    assert "ERROR   fonts/NotoSans-Regular.ttf" in out and "fonts.latin 'Noto Sans'" in out
    data = tmp_path / "data"
    assert main(["bundle", "install", str(bundle), "--data-dir", str(data)]) == 1
    out = capsys.readouterr().out
    assert "fonts/NotoSans-Regular.ttf" in out and "Nothing was installed" in out
    assert main(["bundle", "pack", str(bundle), "-o", str(tmp_path / "b.zip")]) == 1
    assert not (tmp_path / "b.zip").exists()


def test_the_hot_swap_loader_refuses_a_blank_font(bundle: Path) -> None:
    font = bundle / "fonts" / "NotoKufiArabic-Bold.ttf"
    font.write_bytes(zero_table(font.read_bytes(), b"glyf"))
    load(bundle)  # the start-up load does not draw text
    with pytest.raises(BundleError) as caught:
        glyph_checked(load)(bundle)
    assert str(caught.value).startswith(
        "fonts/NotoKufiArabic-Bold.ttf: the font does not draw text"
    )
    assert "fonts.arabic_heading 'Noto Kufi Arabic'" in str(caught.value)
