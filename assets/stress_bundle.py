"""A stress bundle for the layout checker: the sample bundle's media, with the longest texts a
ministry brings.

* 12 entities, with two-line names in both languages;
* one entity with 20 slides, one of them a 900-character Arabic paragraph with 8 bullets;
* 8 demos in one entity, with long titles, summaries, hints and form labels;
* mixed Arabic, Latin and digit strings ("خدمة Metrash2 على الرقم 109 …");
* a portrait photo and a portrait video (assets/media), which landscape screens show whole.

It is valid (warnings aside): ``kiosk bundle validate`` passes on it.

  .venv/bin/python assets/stress_bundle.py OUT_DIR      # writes OUT_DIR/bundle.toml ...
  scripts/screenshots.py --check --stress               # the checker on it, every shape
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import struct
import sys
import tomllib
import zlib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "kiosk" / "sample_bundle"
PORTRAIT_VIDEO = REPO / "assets" / "media" / "portrait-108x192.mp4"

ENTITIES = 12
SLIDES = 20
DEMOS = 8

NAME_AR = "وزارة الاتصالات وتكنولوجيا المعلومات والتحول الرقمي والحكومة الإلكترونية"
NAME_EN = "Ministry of Communications, Information Technology and Digital Government"
MIXED_AR = "خدمة Metrash2 متاحة على الرقم 109 وعبر www.moi.gov.qa منذ عام 2015 (Cloud) بنسبة 99.9%"
MIXED_EN = "Metrash2 (مطراش) on 109 and www.moi.gov.qa since 2015: 99.9% uptime, 24/7"

_SENTENCE_AR = (
    "تتيح البوابة الحكومية للمواطنين والمقيمين إنجاز معاملاتهم إلكترونيًا في أي وقت ومن أي مكان، "
    "وتربط الجهات الحكومية بمنصة مشتركة آمنة تقلل التكاليف وتختصر مدة الانتظار. "
)
_SENTENCE_EN = (
    "The government portal lets citizens and residents complete their transactions online at "
    "any time and from anywhere, and links government bodies through one secure shared platform. "
)


def paragraph(sentence: str, length: int) -> str:
    """About ``length`` characters of whole sentences."""
    text = ""
    while len(text) + len(sentence) <= length + len(sentence) // 2:
        text += sentence
    return text.strip()


LONG_AR = paragraph(_SENTENCE_AR, 900)
LONG_EN = paragraph(_SENTENCE_EN, 900)
BULLETS = [
    {
        "ar": f"البند {i}: خدمة إلكترونية متكاملة تشمل الدفع والمتابعة والإشعار عند الاكتمال",
        "en": f"Item {i}: a complete e-service, with payment, tracking and a message when done",
    }
    for i in range(1, 9)
]


def text(ar: str, en: str) -> dict[str, str]:
    return {"ar": ar, "en": en}


def make_stress_bundle(dest: Path) -> Path:
    """Write the stress bundle to ``dest`` (which must not exist) and return it."""
    shutil.copytree(SAMPLE, dest)
    manifest = tomllib.loads((dest / "bundle.toml").read_text("utf-8"))
    sources = list(manifest["entities"])
    manifest["id"] = "stress-test"
    manifest["title"] = text(
        "حكومة قطر الرقمية: خدمات إلكترونية متكاملة لكل المواطنين والمقيمين والزوار",
        "Qatar Digital Government: joined-up e-services for every citizen, resident and visitor",
    )
    manifest["subtitle"] = text(MIXED_AR + " — " + NAME_AR, MIXED_EN + " — " + NAME_EN)

    ids: list[str] = []
    for n in range(ENTITIES):
        source = sources[n % len(sources)]
        new_id = source if n < len(sources) else f"{source}-{n}"
        if new_id != source:
            shutil.copytree(dest / "entities" / source, dest / "entities" / new_id)
        path = dest / "entities" / new_id / "entity.toml"
        entity = tomllib.loads(path.read_text("utf-8"))
        entity["id"] = new_id
        entity["name"] = text(f"{NAME_AR} {n + 1}", f"{NAME_EN} {n + 1}")
        entity["description"] = text(LONG_AR, LONG_EN)
        for slide in entity.get("slides", []):
            if "caption" in slide:
                slide["caption"] = text(
                    MIXED_AR + "، " + _SENTENCE_AR, MIXED_EN + " " + _SENTENCE_EN
                )
        if n == 0:
            entity["slides"] = twenty_slides(entity["slides"])
        if n == 1:
            entity["demos"] = eight_demos(entity["demos"])
        if n == 2:
            entity["slides"] += portrait_media(dest / "entities" / new_id)
        for demo in entity.get("demos", []):
            lengthen_demo(demo)
        path.write_text(dumps(entity), "utf-8")
        ids.append(new_id)
    manifest["entities"] = ids
    (dest / "bundle.toml").write_text(dumps(manifest), "utf-8")
    return dest


def portrait_media(folder: Path) -> list[dict[str, Any]]:
    """A phone's portrait photo and portrait video: on a landscape screen they are shown
    whole (the fit rule), not cut to a band."""
    (folder / "slides").mkdir(exist_ok=True)
    (folder / "videos").mkdir(exist_ok=True)
    (folder / "slides" / "portrait-photo.png").write_bytes(portrait_png(1080, 1920))
    shutil.copyfile(PORTRAIT_VIDEO, folder / "videos" / "portrait-video.mp4")
    return [
        {
            "id": "portrait-photo",
            "kind": "image",
            "image": "slides/portrait-photo.png",
            "caption": text("صورة عمودية من هاتف", "A portrait photo from a phone"),
        },
        {"id": "portrait-video", "kind": "video", "video": "videos/portrait-video.mp4"},
    ]


def portrait_png(width: int, height: int) -> bytes:
    """A tall picture whose top is plainly its top: maroon fading to white, with a white
    band across its upper third."""

    def row(y: int) -> bytes:
        if height // 4 <= y < height // 3:
            return b"\x00" + b"\xff\xff\xff" * width
        t = y / (height - 1)
        pixel = bytes(round(a + (255 - a) * t) for a in (0x8A, 0x15, 0x38))
        return b"\x00" + pixel * width

    raw = b"".join(row(y) for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


def twenty_slides(slides: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Twenty slides from the entity's own: the first is the long text slide."""
    longest = {
        "id": "long-text",
        "kind": "text",
        "duration": 20,
        "title": text(NAME_AR, NAME_EN),
        "body": text(LONG_AR, LONG_EN),
        "bullets": BULLETS,
    }
    out = [longest]
    n = 0
    while len(out) < SLIDES:
        slide = copy.deepcopy(slides[n % len(slides)])
        slide["id"] = f"{slide['id']}-{n}"
        slide.pop("attract", None)
        if slide["kind"] == "text":
            slide["title"] = text(MIXED_AR, MIXED_EN)
        out.append(slide)
        n += 1
    return out


def eight_demos(demos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for n in range(DEMOS):
        demo = copy.deepcopy(demos[n % len(demos)])
        demo["id"] = f"{demo['id']}-{n}"
        out.append(demo)
    return out


def lengthen_demo(demo: dict[str, Any]) -> None:
    demo["title"] = text(
        "طلب خدمة الاستضافة من السحابة الإلكترونية الحكومية المشتركة للجهات الحكومية",
        "Requesting a hosting service from the shared Government Cloud for government bodies",
    )
    demo["summary"] = text(LONG_AR[:400], LONG_EN[:400])
    for screen in demo.get("screens", []):
        screen["title"] = text(MIXED_AR, MIXED_EN)
        for spot in screen.get("hotspots", []):
            if "hint" in spot:
                spot["hint"] = text(MIXED_AR + "، " + _SENTENCE_AR, MIXED_EN + " " + _SENTENCE_EN)
        for item in screen.get("items", []):
            for key in ("label", "text"):
                if key in item and item.get("type") != "paragraph":
                    item[key] = text(MIXED_AR, MIXED_EN)
            if item.get("type") == "paragraph":
                item["text"] = text(LONG_AR[:300], LONG_EN[:300])


# -- a TOML writer for what tomllib read: inline tables and arrays, one key per line ------------

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def dumps(doc: dict[str, Any]) -> str:
    return "".join(f"{_key(k)} = {_value(v)}\n" for k, v in doc.items())


def _key(key: str) -> str:
    return key if _BARE.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__)
        return 2
    print(make_stress_bundle(Path(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
