"""The demos of an entity.toml: their screens (image screens with hotspots, form screens with
items) and the flow between them (every target exists, every screen is reached, the demo ends)."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, cast
from urllib.parse import urlsplit

from .. import model as m
from ..limits import LIST_MINIMUMS, LONG_TEXT, MAX_URL, SHORT_TEXT
from ..tomlreader import Reader, check_unique, shown, table_list

DEMO_KEYS = {"id", "title", "summary", "service_url", "screens"}
SCREEN_KEYS = {"id", "kind", "title", "image", "hotspots", "items"}
HOTSPOT_KEYS = {"rect", "target", "hint"}
ITEM_KEYS: dict[str, set[str]] = {
    "header": {"type", "text"},
    "paragraph": {"type", "text"},
    "field": {"type", "label", "placeholder", "input"},
    "choice": {"type", "label", "options"},
    "button": {"type", "label", "target"},
    "list": {"type", "label", "rows"},
}
FIELD_INPUTS = ("text", "number", "date", "email", "phone")


def parse_demo(r: Reader, t: dict[str, Any], path: str, base: PurePosixPath) -> m.Demo | None:
    r.unknown(t, DEMO_KEYS, path)
    did = r.slug(t, "id", path)
    title = r.text(t, "title", path)
    summary = r.text(t, "summary", path)
    url = r.get(t, "service_url", path, str, required=False, example='"https://hukoomi.gov.qa"')
    ok = True
    if url is not None:
        parts = urlsplit(url)
        if (
            parts.scheme != "https"
            or not parts.netloc
            or len(url) > MAX_URL
            or any(c.isspace() for c in url)
        ):
            r.error(
                r.join(path, "service_url"),
                f"'{shown(url)}' is not a usable service address",
                f"use a full https:// address of at most {MAX_URL} characters",
                "bad-url",
            )
            ok = False
    screens: list[m.Screen] = []
    tables = table_list(r, t, "screens", path, "screen")
    if not tables:
        r.error(
            r.join(path, "screens"),
            "the demo has no screens",
            "add [[demos.screens]] tables, one per step",
            "missing",
        )
        ok = False
    for i, st in enumerate(tables):
        s = _parse_screen(r, st, r.join(r.join(path, "screens"), i), base)
        ok &= s is not None
        if s is not None:
            screens.append(s)
    check_unique(
        r,
        [
            (
                st.get("id") if isinstance(st.get("id"), str) else None,
                r.join(r.join(r.join(path, "screens"), i), "id"),
            )
            for i, st in enumerate(tables)
        ],
        "screen",
    )
    if ok and did and title and summary and screens:
        demo = m.Demo(did, title, summary, tuple(screens), url)
        if _check_flow(r, demo, path):
            return demo
    return None


def _parse_screen(r: Reader, t: dict[str, Any], path: str, base: PurePosixPath) -> m.Screen | None:
    kind = r.get(t, "kind", path, str, example='"image"')
    if kind is not None and kind not in ("image", "form"):
        r.error(
            r.join(path, "kind"),
            f"'{shown(kind)}' is not a screen kind",
            'use "image" or "form"',
            "bad-kind",
        )
        kind = None
    allowed = {"id", "kind", "title"} | {
        "image": {"image", "hotspots"},
        "form": {"items"},
        None: SCREEN_KEYS,
    }[kind]
    r.unknown(t, allowed, path)
    sid = r.slug(t, "id", path)
    title = r.text(t, "title", path)
    ok = sid is not None and kind is not None and title is not None
    image = None
    hotspots: list[m.Hotspot] = []
    items: list[m.FormItem] = []
    if kind == "image":
        image = r.relpath(t, "image", path, base)
        ok &= image is not None
        hts = table_list(r, t, "hotspots", path, "hotspot")
        if not hts:
            r.error(
                r.join(path, "hotspots"),
                "an image screen needs at least one hotspot",
                "add [[demos.screens.hotspots]] with rect, target and hint",
                "missing",
            )
            ok = False
        for i, ht in enumerate(hts):
            h = _parse_hotspot(r, ht, r.join(r.join(path, "hotspots"), i))
            ok &= h is not None
            if h:
                hotspots.append(h)
    elif kind == "form":
        its = table_list(r, t, "items", path, "item")
        if not its:
            r.error(
                r.join(path, "items"),
                "a form screen needs items",
                "add [[demos.screens.items]] tables (header, field, button...)",
                "missing",
            )
            ok = False
        for i, it in enumerate(its):
            item = _parse_item(r, it, r.join(r.join(path, "items"), i))
            ok &= item is not None
            if item:
                items.append(item)
        if its and not any(i.type == "button" for i in items):
            r.error(
                r.join(path, "items"),
                "a form screen needs a button to go on",
                'add an item with type = "button", a label and a target',
                "missing",
            )
            ok = False
    if not ok:
        return None
    assert sid and kind and title
    return m.Screen(sid, cast(m.ScreenKind, kind), title, image, tuple(hotspots), tuple(items))


def _parse_hotspot(r: Reader, t: dict[str, Any], path: str) -> m.Hotspot | None:
    r.unknown(t, HOTSPOT_KEYS, path)
    rect = r.get(t, "rect", path, list, example="[0.1, 0.8, 0.3, 0.1]")
    target = r.get(t, "target", path, str, example='"next-screen-id"')
    hint = r.text(t, "hint", path)
    box: tuple[float, float, float, float] | None = None
    if rect is not None:
        nums = [v for v in rect if isinstance(v, int | float) and not isinstance(v, bool)]
        if len(rect) != 4 or len(nums) != 4:
            r.error(
                r.join(path, "rect"),
                "rect must be four numbers",
                "write [x, y, width, height] as fractions of the image, e.g. [0.1, 0.8, 0.3, 0.1]",
                "bad-rect",
            )
        else:
            x, y, w, h = (float(v) for v in nums)
            if not (
                0 <= x < 1
                and 0 <= y < 1
                and 0 < w <= 1
                and 0 < h <= 1
                and x + w <= 1.0001
                and y + h <= 1.0001
            ):
                r.error(
                    r.join(path, "rect"),
                    f"{rect} does not fit inside the image",
                    "use fractions from 0 to 1 with x + width <= 1 and y + height <= 1",
                    "bad-rect",
                )
            else:
                box = (x, y, w, h)
    if box is None or target is None or hint is None:
        return None
    return m.Hotspot(*box, target=target, hint=hint)


def _parse_item(r: Reader, t: dict[str, Any], path: str) -> m.FormItem | None:
    typ = r.get(t, "type", path, str, example='"field"')
    if typ is None:
        return None
    if typ not in ITEM_KEYS:
        r.error(
            r.join(path, "type"),
            f"'{shown(typ)}' is not a form item type",
            f"use one of: {', '.join(ITEM_KEYS)}",
            "bad-kind",
        )
        return None
    r.unknown(t, ITEM_KEYS[typ], path)
    if typ in ("header", "paragraph"):
        text = r.text(t, "text", path, size=LONG_TEXT if typ == "paragraph" else SHORT_TEXT)
        return m.FormItem(cast(m.FormItemType, typ), text=text) if text else None
    label = r.text(t, "label", path, required=typ != "list")
    ok = label is not None or (typ == "list" and "label" not in t)
    if typ == "field":
        ph = r.text(t, "placeholder", path, required=False)
        inp = r.get(t, "input", path, str, required=False) or "text"
        if inp not in FIELD_INPUTS:
            r.error(
                r.join(path, "input"),
                f"'{shown(inp)}' is not an input kind",
                f"use one of: {', '.join(FIELD_INPUTS)}",
                "bad-kind",
            )
            ok = False
        ok &= ph is not None or "placeholder" not in t
        return m.FormItem("field", label=label, placeholder=ph, input=inp) if ok else None
    if typ == "choice":
        raw = r.get(t, "options", path, list, example='[{ ar = "...", en = "..." }]')
        opts: list[m.Text] = []
        least = LIST_MINIMUMS["options"]
        if raw is not None and len(raw) < least.least:
            r.error(r.join(path, "options"), least.message, least.fix, "missing")
            ok = False
        raw = r.bounded(raw, "options", r.join(path, "options")) if raw else raw
        for i, o in enumerate(raw or []):
            fld = r.join(r.join(path, "options"), i)
            ot = r.text_value(o, fld) if isinstance(o, dict) else None
            if not isinstance(o, dict):
                r.error(
                    fld,
                    "each option must be a table of texts",
                    '{ ar = "...", en = "..." }',
                    "type",
                )
            ok &= ot is not None
            if ot:
                opts.append(ot)
        return m.FormItem("choice", label=label, options=tuple(opts)) if ok and raw else None
    if typ == "button":
        target = r.get(t, "target", path, str, example='"next-screen-id"')
        return m.FormItem("button", label=label, target=target) if ok and target else None
    # list
    raw_rows = r.get(t, "rows", path, list, example="[{ label = {...}, value = {...} }]")
    rows: list[m.ListRow] = []
    if raw_rows:
        raw_rows = r.bounded(raw_rows, "rows", r.join(path, "rows"))
    for i, row in enumerate(raw_rows or []):
        fld = r.join(r.join(path, "rows"), i)
        if not isinstance(row, dict):
            r.error(
                fld,
                "each row must be a table with label and value",
                "{ label = { ar = ..., en = ... }, value = { ar = ..., en = ... } }",
                "type",
            )
            ok = False
            continue
        r.unknown(row, {"label", "value"}, fld)
        lt, vt = r.text(row, "label", fld), r.text(row, "value", fld)
        ok &= lt is not None and vt is not None
        if lt and vt:
            rows.append(m.ListRow(lt, vt))
    few = LIST_MINIMUMS["rows"]
    if raw_rows is not None and len(raw_rows) < few.least:
        r.error(r.join(path, "rows"), few.message, few.fix, "missing")
        ok = False
    return m.FormItem("list", label=label, rows=tuple(rows)) if ok and raw_rows else None


def _check_flow(r: Reader, demo: m.Demo, path: str) -> bool:
    """Every target resolves, every screen is reachable from the first, and 'end' is reachable."""
    ids = [s.id for s in demo.screens]
    ok = True
    for si, s in enumerate(demo.screens):
        spath = r.join(r.join(path, "screens"), si)
        if s.kind == "image":
            for hi, h in enumerate(s.hotspots):
                if h.target != m.END and h.target not in ids:
                    ok = False
                    r.error(
                        r.join(r.join(r.join(spath, "hotspots"), hi), "target"),
                        f"no screen '{shown(h.target)}' in this demo",
                        f"use one of: {', '.join([*ids, m.END])}",
                        "bad-target",
                    )
        else:
            for ii, it in enumerate(s.items):
                if it.type == "button" and it.target != m.END and it.target not in ids:
                    ok = False
                    r.error(
                        r.join(r.join(r.join(spath, "items"), ii), "target"),
                        f"no screen '{shown(it.target)}' in this demo",
                        f"use one of: {', '.join([*ids, m.END])}",
                        "bad-target",
                    )
    if not ok:
        return False
    seen = {ids[0]}
    todo = [ids[0]]
    ends = False
    while todo:
        for tgt in demo.screen(todo.pop()).targets():
            if tgt == m.END:
                ends = True
            elif tgt not in seen:
                seen.add(tgt)
                todo.append(tgt)
    for si, s in enumerate(demo.screens):
        if s.id not in seen:
            ok = False
            r.error(
                r.join(r.join(path, "screens"), si),
                f"screen '{s.id}' cannot be reached from the first screen '{ids[0]}'",
                "point a hotspot or button of an earlier screen at it, or remove it",
                "unreachable",
            )
    if not ends:
        ok = False
        r.error(
            r.join(path, "screens"),
            "no hotspot or button leads to the end of the demo",
            'set target = "end" on the last step\'s hotspot or button',
            "no-end",
        )
    return ok
