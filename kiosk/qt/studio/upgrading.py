"""An old-format bundle, opened: upgraded in memory (:func:`kiosk.authoring.upgrade.upgrade`),
with a note of what changed shown to staff (a dialog through the window's Prompts, and the
status bar). The next save writes it; Undo puts it back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...authoring import Project
from ...authoring.upgrade import Upgrade, note_text, upgrade
from ...bundle.model import FORMAT_VERSION
from .strings import PublishUI as P

if TYPE_CHECKING:
    from .window import StudioWindow

__all__ = ["offer_upgrade"]


def offer_upgrade(window: StudioWindow, project: Project) -> Upgrade | None:
    command = upgrade(project)
    if command is None:
        return None
    status = window.t(P.upgraded_status).format(old=command.source, new=FORMAT_VERSION)
    window.statusBar().showMessage(status)
    window.prompts.inform(window, window.t(P.upgraded_title), note_text(command, window.lang))
    return command
