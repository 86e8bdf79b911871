"""Bundle, database and config texts are shown as plain text: markup is shown literally.

QML ``Text`` defaults to ``Text.AutoText``: a caption that looks like HTML is rendered as
HTML, so a bundle author (or a file name on a USB stick) could restyle the page, show
links, display any local image outside the bundle and make network requests. Here every
visitor text of a bundle carries a markup payload, the kiosk is walked through every page
type (and the staff overlay), and on each page every text item of the whole item tree must
be ``Text.PlainText``, and no payload may reach the network.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtNetwork import QHostAddress, QTcpServer, QTcpSocket
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem

from kiosk.admin import hash_pin
from kiosk.bundle import load
from kiosk.clock import ManualClock
from kiosk.config import Config
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.testing import Kiosk, settle, start_kiosk, wait_until
from kiosk.store import BundleStore
from tests import props

PLAIN_TEXT = 0
"""Text.PlainText (QQuickText::TextFormat); AutoText is 2, RichText 1, StyledText 4."""
FORMATS = {0: "PlainText", 1: "RichText", 2: "AutoText", 3: "MarkdownText", 4: "StyledText"}
PIN = "2468"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "gui"


def payloads(port: int, outside_image: Path) -> list[str]:
    """Markup a hostile bundle author might write; each one makes AutoText render rich text."""
    local = f"http://127.0.0.1:{port}"
    return [
        "<b>bold</b> ",
        f'<img src="{local}/caption.png" width="300" height="300"> ',
        f'<a href="{local}/link">a link</a> ',
        '<span style="font-size:140px; color:#ff00ff">huge</span> ',
        '<font color="#00ff00" size="7">green</font> ',
        "&lt;b&gt;escaped&lt;/b&gt; ",
        "<h1>heading</h1>",
        f'<img src="{outside_image.as_uri()}" width="400" height="400">',
        "<i>italic</i><br>second line ",
        '<p style="background-color:#ff0000">red block</p>',
        f'<u>under</u><img src="{local}/second.png"> ',
        "<s>struck</s>&amp;&nbsp;",
    ]


def _poison(node: Any, languages: set[str], marks: Iterator[tuple[int, str]]) -> None:
    """Put a payload into every language text ({ar = ..., en = ...}) under ``node``."""
    if isinstance(node, dict):
        if set(node) == languages and all(isinstance(v, str) for v in node.values()):
            for lang in sorted(node):
                i, mark = next(marks)
                # at the start, at the end, or as the whole text: vary it across fields
                node[lang] = [mark + node[lang], node[lang] + " " + mark, mark][i % 3]
            return
        for value in node.values():
            _poison(value, languages, marks)
    elif isinstance(node, list):
        for value in node:
            _poison(value, languages, marks)


def markup_bundle(dest: Path, marks: list[str]) -> Path:
    """A copy of the sample bundle whose every visitor text carries one of ``marks``."""
    shutil.copytree(SAMPLE_BUNDLE, dest)
    languages = set(load(dest).languages)

    def cycle() -> Iterator[tuple[int, str]]:
        n = 0
        while True:
            yield n, marks[n % len(marks)]
            n += 1

    counter = cycle()
    for manifest in [dest / "bundle.toml", *sorted(dest.glob("entities/*/entity.toml"))]:
        doc = tomlkit.parse(manifest.read_text("utf-8"))
        _poison(doc, languages, counter)
        for demo in doc.get("demos", []):
            if "service_url" in demo:  # an https address with markup in its path
                demo["service_url"] = "https://hukoomi.gov.qa/<b>bold</b>?q=&lt;x&gt;"
        manifest.write_text(tomlkit.dumps(doc), "utf-8")
    bundle = load(dest)  # still a valid bundle: markup is not an error, only shown literally
    assert bundle.title.values != load(SAMPLE_BUNDLE).title.values
    return dest


def text_items(root: QQuickItem) -> Iterator[QQuickItem]:
    """Every item under ``root`` (visible or not) that has a text format: Text, TextEdit."""
    stack = [root]
    while stack:
        item = stack.pop()
        # The on-screen keyboard is Qt's: its key labels are Qt's own strings, never ours.
        if item.objectName() == "keyboard":
            continue
        if item.metaObject().indexOfProperty("textFormat") >= 0:
            yield item
        stack.extend(item.childItems())


def text_format(engine: QQmlEngine, item: QQuickItem) -> int:
    """The item's textFormat, read through QML (PySide6 cannot convert the enum itself)."""
    context = QQmlEngine.contextForObject(item) or engine.rootContext()
    value, undefined = QQmlExpression(context, item, "textFormat").evaluate()
    assert not undefined
    return int(value)


class Audit:
    """What the walk saw: non-plain text items, and which payloads reached the screen."""

    def __init__(self, k: Kiosk, marks: list[str]) -> None:
        self.k = k
        self.marks = marks
        self.problems: list[str] = []
        self.seen: set[str] = set()

    def check(self, where: str, *, expect_payload: bool = True) -> None:
        """Check the whole window's tree in each of the bundle's languages."""
        for _ in self.k.bundle.languages:
            self._walk(f"{where} ({props.language(self.k.controller)})", expect_payload)
            self.k.controller.toggleLanguage()

    def _walk(self, where: str, expect_payload: bool) -> None:
        found = 0
        for item in text_items(self.k.window.contentItem()):
            text = str(item.property("text") or "")
            hits = [m for m in self.marks if m.strip() in text]
            self.seen.update(hits)
            found += bool(hits)
            fmt = text_format(self.k.engine, item)
            if fmt != PLAIN_TEXT:
                name = item.objectName() or item.metaObject().className()
                self.problems.append(
                    f"{where}: {name} has textFormat {FORMATS.get(fmt, fmt)}: {text[:70]!r}"
                )
        if expect_payload:
            assert found, f"{where}: no text with a payload on screen: the walk is not testing"


@pytest.fixture
def listener(qapp: QGuiApplication) -> Iterator[tuple[QTcpServer, list[QTcpSocket]]]:
    """A local server standing in for the internet: no payload may ever connect to it."""
    server = QTcpServer()
    assert server.listen(QHostAddress(QHostAddress.SpecialAddress.LocalHost), 0)
    connections: list[QTcpSocket] = []
    server.newConnection.connect(lambda: connections.append(server.nextPendingConnection()))
    yield server, connections
    for socket in connections:
        socket.abort()
    server.close()


def test_bundle_texts_with_markup_are_plain_text_on_every_page(
    qapp: QGuiApplication, tmp_path: Path, listener: tuple[QTcpServer, list[QTcpSocket]]
) -> None:
    server, connections = listener
    outside = tmp_path / "outside" / "private.png"  # a local file outside the bundle
    outside.parent.mkdir()
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff00ff"))
    assert image.save(str(outside))
    marks = payloads(server.serverPort(), outside)
    bundle = markup_bundle(tmp_path / "bundle", marks)
    # The drop folder: file names (from a USB stick) and their problems are shown to staff.
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / '<font color="#ff0000" size="7">red.zip').write_bytes(b"not a zip")
    (usb / "<h1>big &lt;heading&gt;.zip").write_bytes(b"PK\x03\x04 truncated")
    shutil.copytree(bundle, usb / "<big>big bundle")  # a bundle folder
    config = Config(
        path=tmp_path / "kiosk.toml",
        data_dir=tmp_path / "data",
        pin_hash=hash_pin(PIN),
        drop_folders=(usb,),
    )
    clock = ManualClock()
    k = start_kiosk(
        bundle,
        clock=clock,
        language="en",
        db=tmp_path / "k.db",
        store=BundleStore(config.data_dir),
        config=config,
        pin_clock=ManualClock(1_700_000_000.0),
    )
    try:
        audit = Audit(k, marks)
        _walk_every_page(k, audit, clock)
        assert not audit.problems, "texts not shown as plain text:\n" + "\n".join(audit.problems)
        missing = [m for m in marks if m not in audit.seen]
        assert not missing, f"payloads never shown, the walk missed their fields: {missing}"
        # Nothing was fetched: no image, no link prefetch, no request of any kind.
        settle(100)
        assert not connections and not server.hasPendingConnections()
    finally:
        k.close()
        settle(20)


def _walk_every_page(k: Kiosk, audit: Audit, clock: ManualClock) -> None:
    k.wait_item("attractPage")
    audit.check("attract")
    k.controller.touch()
    k.wait_page("home")
    k.wait_still()
    k.grab(ARTIFACTS / "markup-home.png")  # for a person to look at: the markup is literal
    audit.check("home")
    for entity in k.bundle.entities:
        k.controller.openEntity(entity.id)
        k.wait_page("entity")
        k.wait_still()
        for i, slide in enumerate(entity.slides):
            k.controller.showSlide(i)
            k.wait_item(f"slide-{slide.id}")
            audit.check(f"{entity.id} {slide.kind} slide {slide.id}")
        for demo in entity.demos:
            k.controller.openDemo(demo.id)
            k.wait_page("demo")
            for screen_id, _index, target in demo.route_to_end():
                assert wait_until(props.onScreen(k.controller, screen_id))
                k.wait_still()
                audit.check(f"{entity.id} demo {demo.id} {demo.screen(screen_id).kind} {screen_id}")
                k.controller.follow(target)
            k.wait_page("demo-end")
            k.wait_still()
            audit.check(f"{entity.id} demo end {demo.id}")
            k.controller.exitDemo()
            k.wait_page("entity")
        k.controller.home()
        k.wait_page("home")
    clock.advance(k.bundle.idle.timeout + 1)
    overlay = k.wait_item("idleOverlay")
    assert wait_until(lambda: overlay.property("opacity") == 1.0)
    audit.check("idle overlay")
    k.controller.touch()
    assert wait_until(lambda: not props.idleWarning(k.controller))
    # The staff overlay: the PIN pad, then the panel with the drop folder's findings and
    # today's most visited entities (names from the database).
    admin = k.admin
    assert admin is not None
    admin.open_pin()
    k.wait_item("pinPad")
    admin.submitPin("0000")
    audit.check("PIN pad")
    admin.submitPin(PIN)
    assert wait_until(lambda: props.mode(admin) == "panel")
    assert k.log is not None and k.log.flush()
    admin._refresh_figures()
    assert wait_until(
        lambda: (
            len(admin.found) == 3
            and not any(f.checking for f in admin.found)
            and admin.today is not None
            and bool(admin.today.top)
        ),
        20_000,
    )
    k.wait_item("adminPanel")
    audit.check("admin panel")
