"""Pack and publish from the Studio: File → "Pack for the kiosks…" (Ctrl+P).

Refused while the Problems panel lists errors (the message counts them). Otherwise a dialog
proposes the next version (:func:`kiosk.authoring.release.next_version`, staff may edit it),
the folder for the .zip (asked through the window's :class:`~.window.Prompts`) and the staff
signing key (``kiosk keys new``; remembered in the Studio's settings as ``signing_key``). Pack
writes the version into bundle.toml with an authoring command (one undo step), saves, then runs
the packer of ``kiosk bundle pack`` in a worker thread (:func:`kiosk.qt.aio.to_thread`) with a
progress bar; the result validates and installs as the CLI's does.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...authoring import BUNDLE_FILE, SetValue
from ...authoring.release import Packed, next_version, pack_and_sign, pack_name, version_problem
from ...bidi import isolated
from ...bundle.media import MediaInspector
from ...bundle.problems import Severity
from .. import aio
from .strings import PublishUI as P

if TYPE_CHECKING:
    from .window import StudioWindow

__all__ = ["PackDialog", "Publisher"]

KEY_SETTING = "signing_key"
FOLDER_SETTING = "pack_folder"
ERROR_COLOUR = "#b3261e"
STAGES = {"packing": P.packing, "checking media": P.checking_media}
"""The packer's progress stages (kiosk.bundle.pack, validate), in the Studio's words."""


def _media_inspector() -> MediaInspector | None:
    from ..inspector import media_inspector

    return media_inspector()


class Publisher(QObject):
    """The Pack action of one window."""

    def __init__(self, window: StudioWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: PackDialog | None = None
        self.inspector_factory: Callable[[], MediaInspector | None] = _media_inspector
        """Made on the GUI thread for each pack: the kiosk's decoders (tests may pass a
        lighter one)."""
        self.action = window._action("pack", self.start, "Ctrl+P")
        menu = window.file_menu
        menu.insertAction(window.quit_action, self.action)
        menu.insertSeparator(window.quit_action)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.window.t(P.pack))
        if self.dialog is not None:
            self.dialog.retranslate()

    def stop(self) -> None:
        """The window closes: a pack under way finishes in its thread; its result is dropped."""
        if self.dialog is not None and self.dialog.task is not None:
            self.dialog.task.cancel()

    def errors(self) -> int:
        """The errors the Problems panel lists; 0 while a check is pending (its report would
        be stale: the packer validates again anyway, and the dialog shows what it finds)."""
        window = self.window
        report = window.report
        pending = window._check_timer.isActive() or (
            window._task is not None and not window._task.done()
        )
        if report is None or pending:
            return 0
        return sum(1 for p in report.problems if p.severity is Severity.ERROR)

    def start(self) -> PackDialog | None:
        """Open the pack dialog, or say why not (errors in the Problems panel)."""
        window = self.window
        if window.project is None:
            return None
        n = self.errors()
        if n:
            window.prompts.warn(
                window, window.t(P.cannot_pack), window.t(P.refused_errors).format(n=n)
            )
            window.statusBar().showMessage(window.t(P.refused_errors).format(n=n), 8000)
            return None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = PackDialog(self)
        self.dialog.open()
        return self.dialog


class PackDialog(QDialog):
    """Version, folder, signature, then Pack with a progress bar."""

    packed = Signal(object)
    """A pack finished (the :class:`~kiosk.authoring.release.Packed`, written or refused)."""

    def __init__(self, publisher: Publisher) -> None:
        window = publisher.window
        super().__init__(window)
        assert window.project is not None
        self.setObjectName("packDialog")
        self.publisher = publisher
        self.window_ = window
        self.project = window.project
        self.task: asyncio.Task[None] | None = None
        self.outcome: Packed | None = None
        old = str(self.project.bundle.get("version", ""))
        self.old_version = old
        settings = window.settings
        folder = str(settings.value(FOLDER_SETTING, "") or "")
        self.folder: Path | None = Path(folder) if folder and Path(folder).is_dir() else None
        key = str(settings.value(KEY_SETTING, "") or "")
        self.key: Path | None = Path(key) if key else None
        self.setMinimumWidth(620)

        self.heading = _named(QLabel(), "packHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.version = _named(QLineEdit(next_version(old)), "packVersion")
        self.version.textChanged.connect(self._update)
        if os.environ.get("QT_IM_MODULE", "").startswith("qtvirtualkeyboard"):
            # the kiosk's on-screen keyboard (its environment, or the suite's): staff type on
            # a real keyboard, and a field that takes the focus on opening would summon it
            self.version.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            self.version.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.version_hint = _named(QLabel(), "packVersionHint")
        self.version_hint.setStyleSheet("color: #555;")
        self.folder_label = _named(QLabel(), "packFolder")
        self.folder_label.setWordWrap(True)
        self.folder_button = _named(QPushButton(), "packChooseFolder")
        self.folder_button.clicked.connect(self.choose_folder)
        self.file_label = _named(QLabel(), "packFileName")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label = _named(QLabel(), "packSigning")
        self.key_label.setWordWrap(True)
        self.key_button = _named(QPushButton(), "packChooseKey")
        self.key_button.clicked.connect(self.choose_key)
        self.no_key_button = _named(QPushButton(), "packNoKey")
        self.no_key_button.clicked.connect(lambda: self.set_key(None))
        self.progress = _named(QProgressBar(), "packProgress")
        self.progress.setTextVisible(True)
        self.status = _named(QLabel(), "packStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.pack_button = _named(QPushButton(), "packButton")
        self.pack_button.setDefault(True)
        self.close_button = _named(QPushButton(), "packClose")
        self.buttons.addButton(self.pack_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.pack_button.clicked.connect(self.pack)
        self.close_button.clicked.connect(self.close)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.version_row = _row(self.version, self.version_hint)
        self.version_row.layout().setStretch(0, 0)  # type: ignore[union-attr]
        self.version.setFixedWidth(160)
        self.rows = [
            (QLabel(), self.version_row),
            (QLabel(), _row(self.folder_label, self.folder_button)),
            (QLabel(), self.file_label),
            (QLabel(), _row(self.key_label, self.key_button, self.no_key_button)),
        ]
        for label, field in self.rows:
            label.setStyleSheet("font-weight: 600;")
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows, never squeezes
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch()
        layout.addWidget(self.buttons)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)  # shown from the start: nothing moves when packing starts
        self.status.hide()
        self.retranslate()

    # -- texts -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        t = self.window_.t
        self.setLayoutDirection(self.window_.layoutDirection())
        self.setWindowTitle(t(P.pack_title))
        self.heading.setText(t(P.pack_title))
        self.intro.setText(t(P.pack_intro))
        for (label, _), text in zip(
            self.rows, (P.version, P.folder, P.file_name, P.signing), strict=True
        ):
            label.setText(t(text))
        self.version_hint.setText(t(P.version_was).format(old=self.old_version or "—"))
        self.folder_button.setText(t(P.choose))
        self.key_button.setText(t(P.choose_key))
        self.no_key_button.setText(t(P.no_key))
        self.pack_button.setText(t(P.do_pack))
        self.close_button.setText(t(P.close))
        if not self.busy and self.outcome is None:
            self.progress.setFormat(t(P.ready))
        self._update()

    def _update(self) -> None:
        t = self.window_.t
        self.folder_label.setText(
            isolated(self.folder) if self.folder is not None else t(P.no_folder)
        )
        bundle_id = str(self.project.bundle.get("id", "bundle"))
        self.file_label.setText(isolated(pack_name(bundle_id, self.version.text().strip())))
        if self.key is not None:
            self.key_label.setText(t(P.signed_with).format(key=isolated(self.key.name)))
            self.key_label.setToolTip(str(self.key))
        else:
            self.key_label.setText(t(P.unsigned))
            self.key_label.setToolTip("")
        self.no_key_button.setVisible(self.key is not None)

    # -- choices ---------------------------------------------------------------------------------

    def choose_folder(self) -> Path | None:
        chosen = self.window_.prompts.choose_dir(self, self.window_.t(P.choose_folder))
        if chosen is not None:
            self.folder = chosen
            self.window_.settings.setValue(FOLDER_SETTING, str(chosen))
            self._update()
        return chosen

    def choose_key(self) -> None:
        chosen = self.window_.prompts.choose_key(self, self.window_.t(P.choose_key_title))
        if chosen is not None:
            self.set_key(chosen)

    def set_key(self, key: Path | None) -> None:
        self.key = key
        self.window_.settings.setValue(KEY_SETTING, str(key) if key is not None else "")
        self._update()

    @property
    def out(self) -> Path | None:
        if self.folder is None:
            return None
        bundle_id = str(self.project.bundle.get("id", "bundle"))
        return self.folder / pack_name(bundle_id, self.version.text().strip())

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.status.show()
        self._fit()

    def _fit(self) -> None:
        """Grow to the wrapped texts' height at this width (a label that wraps gives the
        layout its height for a width, which the minimum size does not follow)."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        wanted = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else 0
        wanted = max(wanted, self.sizeHint().height())
        if self.height() < wanted:
            self.resize(self.width(), wanted)

    # -- packing ---------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done()

    def pack(self) -> None:
        window = self.window_
        if self.busy or window.project is not self.project:
            return
        new = self.version.text().strip()
        problem = version_problem(new, self.old_version)
        if problem is not None:
            self._say(f"{BUNDLE_FILE}: version: {problem}", error=True)
            return
        if self.folder is None and self.choose_folder() is None:
            return
        out = self.out
        assert out is not None
        if out.exists():
            self._say(window.t(P.exists).format(out=out), error=True)
            return
        n = self.publisher.errors()
        if n:
            self._say(window.t(P.refused_errors).format(n=n), error=True)
            return
        bump: SetValue | None = None
        if new != str(self.project.bundle.get("version", "")):
            bump = SetValue(BUNDLE_FILE, ("version",), new)
            self.project.history.push(bump)
        if not window.save():
            return
        self._busy(True)
        self._progress("checking", 0, 0)
        inspector = self.publisher.inspector_factory()
        self.task = aio.spawn(self._pack(out, inspector, bump), "pack")

    def _busy(self, busy: bool) -> None:
        for w in (self.version, self.folder_button, self.key_button, self.no_key_button):
            w.setEnabled(not busy)
        self.pack_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)

    def _progress(self, stage: str, done: int, total: int) -> None:
        t = self.window_.t
        text = t(STAGES.get(stage, P.checking))
        self.progress.setFormat(f"{text} \u2066%p%\u2069" if total else text)
        self.progress.setRange(0, max(total, 0))
        if total:
            self.progress.setValue(done)

    async def _pack(
        self, out: Path, inspector: MediaInspector | None, bump: SetValue | None
    ) -> None:
        def progress(stage: str, done: int, total: int) -> None:
            aio.call_soon_threadsafe(lambda: self._progress(stage, done, total))

        root = self.project.root
        try:
            result = await aio.to_thread(pack_and_sign, root, out, self.key, inspector, progress)
        finally:
            self._busy(False)
        self.outcome = result
        t = self.window_.t
        if not result.report.ok:
            errors = [p for p in result.report.problems if p.severity is Severity.ERROR]
            lines = [str(p) for p in errors[:5]]
            self._say("\n".join([t(P.refused_errors).format(n=len(errors)), *lines]), error=True)
            self._undo_bump(bump)
        elif result.problem:
            self._say(result.problem, error=True)
        else:
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            self.progress.setFormat(t(P.do_pack) + " ✓")
            if result.signature is not None:
                text = t(P.packed_signed).format(out=out, sig=result.signature.name)
            else:
                text = t(P.packed).format(out=out)
            self._say(text)
            self.window_.statusBar().showMessage(text, 8000)
            self.pack_button.setEnabled(False)  # packed: this version is on its way
        self.packed.emit(result)

    def _undo_bump(self, bump: SetValue | None) -> None:
        """A refused pack leaves the version as it was (when nothing was edited since)."""
        history = self.project.history
        if bump is not None and history.undo_label == bump.label and history.undo():
            self.window_.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:  # the packer cannot stop halfway; it takes seconds
            event.ignore()
            return
        super().closeEvent(event)


def _row(*widgets: QWidget) -> QWidget:
    host = QWidget()
    row = QHBoxLayout(host)
    row.setContentsMargins(0, 0, 0, 0)
    for i, w in enumerate(widgets):
        row.addWidget(w, 1 if i == 0 else 0)
    return host


_W = TypeVar("_W", bound=QWidget)


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget
