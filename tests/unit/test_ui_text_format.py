"""Every text item in kiosk/ui/ is declared plain text, so markup from a bundle is shown literally.

QML ``Text`` (and ``TextEdit``, and the Controls ``Label`` and ``TextArea``) default to
``AutoText``: a string that looks like HTML is rendered as HTML (styles, links, local
images, network requests). The GUI test (tests/gui/test_plain_text.py) walks the item
tree of every page; this one reads the QML files, so that a new text item without
``textFormat: Text.PlainText`` fails at once with its file and line, even on a page the
GUI test does not reach. Markup is allowed only where it is the point, with a comment on
the same line: ``textFormat: Text.StyledText  // markup: <why>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.paths import UI_DIR

TEXT_TYPES = {"Text", "TextEdit", "Label", "TextArea"}
"""Types with a textFormat that defaults to AutoText."""
STYLED_FIELDS = {"TextField", "TextArea"}
"""Controls whose style draws ``placeholderText`` with an AutoText Text."""
PLAIN = {"Text.PlainText", "TextEdit.PlainText"}
WHY = "// markup:"

_DECLARATION = re.compile(
    r"(?:\bcomponent\s+(?P<component>\w+)\s*:\s*)?"
    r"(?<![\w.])(?P<type>(?:[A-Za-z_]\w*\.)*[A-Z]\w*)\s*(?:\bon\s+[\w.]+\s*)?\{"
)
_TEMPLATES = re.compile(r"^\s*import\s+QtQuick\.Templates(?:\s+[\d.]+)?\s+as\s+(\w+)", re.M)


def blank_comments_and_strings(source: str) -> str:
    """``source`` with comments and string contents replaced by spaces (newlines kept), so
    that offsets and line numbers still match and nothing inside them looks like QML."""
    out = list(source)
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            while i < n and source[i] != "\n":
                out[i] = " "
                i += 1
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end < 0 else end + 2
            for j in range(i, end):
                if source[j] != "\n":
                    out[j] = " "
            i = end
        elif c in "\"'`":
            i += 1
            while i < n and source[i] != c:
                if source[i] == "\\":
                    out[i] = " "
                    i += 1
                if i < n and source[i] != "\n":
                    out[i] = " "
                i += 1
            i += 1
        else:
            i += 1
    return "".join(out)


def _matching_brace(text: str, open_at: int) -> int:
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return len(text)


def _own_scope(text: str, open_at: int, close_at: int) -> str:
    """The object's body without its nested blocks (child objects, grouped properties)."""
    depth = 0
    kept = []
    for i in range(open_at + 1, close_at):
        c = text[i]
        if c == "{":
            depth += 1
        if depth == 0:
            kept.append(c)
        else:
            kept.append("\n" if c == "\n" else " ")
        if c == "}":
            depth -= 1
    return "".join(kept)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def problems_in(source: str, name: str = "<qml>") -> list[Problem]:
    """Text items in ``source`` whose text format is not plain text (see the module doc)."""
    text = blank_comments_and_strings(source)
    lines = source.splitlines()
    templates = set(_TEMPLATES.findall(source))
    found: list[Problem] = []
    declarations = []
    for m in _DECLARATION.finditer(text):
        brace = m.end() - 1
        close = _matching_brace(text, brace)
        declarations.append((m, _own_scope(text, brace, close), brace))
    # Inline components (component Caption: Text {...}): their instances inherit the format.
    components = {m["component"] for m, _scope, _b in declarations if m["component"]}

    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    for m, scope, brace in declarations:
        qualifier, _, base = m["type"].rpartition(".")
        line = line_of(m.start("type"))
        setting = re.search(r"\btextFormat\s*:\s*([^\n;]*)", scope)
        if setting:
            value = setting[1].strip()
            at = line_of(brace + 1 + setting.start())
            if value not in PLAIN and WHY not in lines[at - 1]:
                found.append(
                    Problem(
                        name,
                        at,
                        f"textFormat: {value} on a {m['type']}: use "
                        f"Text.PlainText, or say why markup is the point with "
                        f"'{WHY} ...' on the same line",
                    )
                )
        elif base in TEXT_TYPES and not (m["type"] in components and not m["component"]):
            found.append(
                Problem(
                    name,
                    line,
                    f"{m['type']} without textFormat: add "
                    "'textFormat: Text.PlainText' (the default, AutoText, "
                    "renders markup from the bundle)",
                )
            )
        if (
            base in STYLED_FIELDS
            and qualifier not in templates
            and re.search(r"\bplaceholderText\s*:", scope)
        ):
            found.append(
                Problem(
                    name,
                    line,
                    f"{m['type']} with a placeholderText: the style "
                    "draws it as AutoText; use the template (import "
                    "QtQuick.Templates as T) and a plain-text Text",
                )
            )
    return found


def qml_files() -> list[Path]:
    return sorted(UI_DIR.rglob("*.qml"))


def test_there_are_qml_files_to_check() -> None:
    files = qml_files()
    assert len(files) > 10
    assert sum(len(_DECLARATION.findall(f.read_text("utf-8"))) for f in files) > 100


def test_every_text_item_in_ui_is_plain_text() -> None:
    problems = [
        str(p)
        for f in qml_files()
        for p in problems_in(f.read_text("utf-8"), str(f.relative_to(UI_DIR.parent.parent)))
    ]
    assert not problems, "text items that would render markup:\n" + "\n".join(problems)


# --- the checker itself: what it must catch, and what it must let through ---------------------

BAD = {
    "a bare Text": ("Item {\n    Text { text: 'x' }\n}", [2]),
    "a TextEdit": ("TextEdit {\n    readOnly: true\n}", [1]),
    "a Controls Label": ("import QtQuick.Controls\nColumn {\n  Label { text: x }\n}", [3]),
    "a TextArea": ("Flickable { TextArea.flickable: TextArea { text: t } }", [1]),
    "a qualified type": ("import QtQuick as Q\nQ.Text {\n}", [2]),
    "rich text": ("Text {\n    textFormat: Text.RichText\n}", [2]),
    "styled text": ("Text { textFormat: Text.StyledText; text: t }", [1]),
    "auto text, said": ("Text {\n    textFormat: Text.AutoText\n}", [2]),
    "markdown": ("TextEdit { textFormat: TextEdit.MarkdownText }", [1]),
    "a computed format": ("Text {\n textFormat: rich ? Text.RichText : Text.PlainText\n}", [2]),
    "the format on the parent": ("Item {\n    textFormat: Text.PlainText\n    Text {}\n}", [3]),
    "the format on a child": ("Text {\n    Rectangle { textFormat: Text.PlainText }\n}", [1]),
    "the format in a grouped block": ("Text {\n    font { textFormat: Text.PlainText }\n}", [1]),
    "a delegate": ("ListView {\n    delegate: Text {\n        text: modelData\n    }\n}", [2]),
    "an inline component": ("Item {\n    component Caption: Text {}\n    Caption {}\n}", [2]),
    "an instance that overrides": (
        "Item {\n component C: Text { textFormat: Text.PlainText }\n"
        " C { textFormat: Text.StyledText }\n}",
        [3],
    ),
    "a Basic TextField placeholder": (
        "import QtQuick.Controls.Basic\nTextField {\n    placeholderText: p\n}",
        [2],
    ),
    "after a string with a brace": ('Item {\n    property string s: "}"\n    Text {}\n}', [3]),
    "after a URL in a string": ('Item {\n    property url u: "http://x/{"\n    Text {}\n}', [3]),
    "after a block comment": ("Item {\n    /* } */\n    Text {}\n}", [3]),
}

GOOD = {
    "plain text": "Text {\n    textFormat: Text.PlainText\n    text: t\n}",
    "plain, on one line": "Text { id: a; textFormat: Text.PlainText; text: t }",
    "TextEdit plain": "TextEdit { textFormat: TextEdit.PlainText }",
    "after other objects": "Column {\n Rectangle {}\n Text { textFormat: Text.PlainText }\n}",
    "markup, with a reason": "Text {\n textFormat: Text.StyledText  // markup: our own bold\n}",
    "an inline component used": (
        "Item {\n component Caption: Text { textFormat: Text.PlainText }\n Caption {}\n}"
    ),
    "not a text type": "Rectangle {\n    Behavior on width { NumberAnimation {} }\n}",
    "text in a string": 'Item { property string s: "Text {" }',
    "text in a comment": "Item {\n    // Text { text: x }\n    /* Label {} */\n}",
    "a template field": (
        "import QtQuick.Templates as T\nT.TextField {\n placeholderText: p\n"
        " Text { textFormat: Text.PlainText; text: parent.placeholderText }\n}"
    ),
    "a text input": "TextInput { text: t }",
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_the_checker_catches(case: str) -> None:
    source, lines = BAD[case]
    assert [p.line for p in problems_in(source)] == lines


@pytest.mark.parametrize("case", sorted(GOOD))
def test_the_checker_lets_through(case: str) -> None:
    assert problems_in(GOOD[case]) == []


def test_a_problem_names_the_file_and_the_line() -> None:
    (p,) = problems_in("Item {\n\n    Text {}\n}", "kiosk/ui/Kiosk/Page.qml")
    assert str(p).startswith("kiosk/ui/Kiosk/Page.qml:3: Text without textFormat")
