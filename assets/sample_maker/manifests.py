"""Compare the hand-written manifests with what was drawn: hotspot rectangles and accents."""

from __future__ import annotations

import tomllib
from pathlib import Path

from . import settings
from .colours import ACCENTS
from .screenshots import HOTSPOTS


def shown(path: Path) -> Path:
    """``path`` relative to the checkout when it is under it (as messages name it), else as
    given."""
    try:
        return path.relative_to(settings.HERE.parent)
    except ValueError:
        return path


def check_manifests(entities: list[str]) -> list[str]:
    """Compare the hand-written manifests with what was drawn; returns the problems."""
    problems: list[str] = []
    for eid in entities:
        mf = settings.BUNDLE / "entities" / eid / "entity.toml"
        if not mf.is_file():
            problems.append(f"{shown(mf)} is missing")
            continue
        data = tomllib.loads(mf.read_text("utf-8"))
        if str(data.get("accent", "")).upper() != ACCENTS[eid].upper():
            problems.append(
                f"{eid}: accent {data.get('accent')} differs from the art ({ACCENTS[eid]})"
            )
        for d in data.get("demos", []):
            for sc in d.get("screens", []):
                if sc.get("kind") != "image":
                    continue
                rel = f"entities/{eid}/{sc['image']}"
                drawn = HOTSPOTS.get(rel)
                if drawn is None:
                    problems.append(
                        f"{rel}: not drawn by this script (screen {d['id']}/{sc['id']})"
                    )
                    continue
                for i, hs in enumerate(sc.get("hotspots", [])):
                    rect = tuple(float(v) for v in hs["rect"])
                    if not any(
                        all(abs(a - b) < 6e-5 for a, b in zip(rect, r, strict=True))
                        for r in drawn.values()
                    ):
                        options = ", ".join(f"{k} = {list(r)}" for k, r in drawn.items())
                        problems.append(
                            f"{eid} {d['id']}/{sc['id']} hotspot {i}: rect {list(rect)} matches no "
                            f"drawn button ({options})"
                        )
    return problems
