"""``kiosk bundle init``: a minimal bundle that validates, as a starting point for staff."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

from ..paths import SAMPLE_BUNDLE

FONT_FILES = (
    "NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf",
    "NotoKufiArabic-Bold.ttf",
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "OFL.txt",
)


def solid_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A valid PNG of one colour, written without any imaging library."""
    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height, 9)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


BUNDLE_TOML = """\
# A kiosk bundle: this file, one folder per entity under entities/, fonts and media.
# Every text a visitor sees is given in each language listed below.
# Format reference: docs/bundle-format.md. Check your work with: kiosk bundle validate .
format = 1
id = "{id}"
version = "1.0.0"
languages = ["ar", "en"]
default_language = "ar"
entities = ["example"]          # the order of the tiles on the Home screen

title = {{ ar = "جناح العرض", en = "Exhibition pavilion" }}

[attract]
slide_seconds = 7               # each highlight slide in the attract loop

[idle]
timeout = 60                    # seconds without a touch before "Are you still there?"
video_timeout = 180             # the same while a video plays
countdown = 15                  # seconds of countdown before the kiosk resets

[theme]
primary = "#8A1538"             # Qatar maroon

[fonts]
files = [
  "fonts/NotoNaskhArabic-Regular.ttf",
  "fonts/NotoNaskhArabic-Bold.ttf",
  "fonts/NotoKufiArabic-Bold.ttf",
  "fonts/NotoSans-Regular.ttf",
  "fonts/NotoSans-Bold.ttf",
]
arabic = "Noto Naskh Arabic"
arabic_heading = "Noto Kufi Arabic"
latin = "Noto Sans"
"""

ENTITY_TOML = """\
id = "example"
accent = "#0D6E6E"
logo = "logo.png"
name = { ar = "جهة حكومية", en = "A government entity" }
description = { ar = "وصف قصير للجهة وخدماتها.", \
en = "A short description of the entity and its services." }

[[slides]]
id = "welcome"
kind = "text"
attract = true
title = { ar = "مرحبًا", en = "Welcome" }
body = { ar = "اكتب هنا ما تريد أن يقرأه الزائر.", en = "Write here what a visitor should read." }
bullets = [
  { ar = "نقطة أولى", en = "A first point" },
  { ar = "نقطة ثانية", en = "A second point" },
]

[[slides]]
id = "picture"
kind = "image"
image = "slides/picture.png"
caption = { ar = "تعليق على الصورة", en = "A caption for the picture" }

[[demos]]
id = "first-demo"
title = { ar = "خدمة تجريبية", en = "A sample service" }
summary = { ar = "جولة قصيرة في خدمة إلكترونية.", en = "A short walk through an e-service." }

[[demos.screens]]
id = "apply"
kind = "form"
title = { ar = "املأ الطلب", en = "Fill in the request" }
items = [
  { type = "header", text = { ar = "طلب جديد", en = "New request" } },
  { type = "field", label = { ar = "الاسم", en = "Name" } },
  { type = "button", label = { ar = "إرسال", en = "Send" }, target = "end" },
]
"""


def init(dest: Path, bundle_id: str = "my-bundle") -> None:
    """Write a minimal valid bundle into ``dest`` (which must be empty or absent)."""
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    ent = dest / "entities" / "example"
    (ent / "slides").mkdir(parents=True)
    (dest / "fonts").mkdir()
    (dest / "bundle.toml").write_text(BUNDLE_TOML.format(id=bundle_id), "utf-8")
    (ent / "entity.toml").write_text(ENTITY_TOML, "utf-8")
    (ent / "logo.png").write_bytes(solid_png(256, 256, (13, 110, 110)))
    (ent / "slides" / "picture.png").write_bytes(solid_png(1920, 1080, (246, 241, 238)))
    for name in FONT_FILES:
        shutil.copyfile(SAMPLE_BUNDLE / "fonts" / name, dest / "fonts" / name)
