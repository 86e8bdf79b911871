"""Qt messages and uncaught Python exceptions, deduplicated, with the actions before each."""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType

# Messages that come from outside the project's code, each with the reason. Matched on
# (category, start of the message). Keep this list short and explained.
IGNORED: list[tuple[str, str, str]] = []


@dataclass
class Problem:
    kind: str  # "qt-warning", "qt-critical", "qt-fatal", "exception", "step"
    text: str
    where: str = ""
    real_s: float = 0.0
    sim_h: float = 0.0
    count: int = 1
    trails: list[list[str]] = field(default_factory=list)
    """Up to 5 examples of the actions that led to it (the last 12, oldest first)."""


class Recorder:
    """Collects Qt messages and uncaught Python exceptions (deduplicated, with counts)."""

    def __init__(self) -> None:
        self.problems: dict[tuple[str, str, str], Problem] = {}
        self.ignored: dict[str, int] = {}
        self.infos = 0
        self.t0 = time.monotonic()
        self.sim_h: Callable[[], float] = lambda: 0.0
        self.trail: deque[str] = deque(maxlen=12)
        self.doing = "start"

    @property
    def doing(self) -> str:
        """The driver's current action (shown with each problem)."""
        return self.trail[-1] if self.trail else ""

    @doing.setter
    def doing(self, action: str) -> None:
        self.trail.append(f"{self.sim_h():.3f}h {action}")

    def add(self, kind: str, text: str, where: str = "") -> None:
        key = (kind, text, where)
        if key in self.problems:
            self.problems[key].count += 1
            if len(self.problems[key].trails) < 5:
                self.problems[key].trails.append(list(self.trail))
            return
        p = Problem(kind, text, where, round(time.monotonic() - self.t0, 1), round(self.sim_h(), 3))
        p.trails.append(list(self.trail))
        self.problems[key] = p
        print(f"soak: {kind}: {text} {where}".rstrip(), file=sys.stderr, flush=True)

    def qt(self, mode: QtMsgType, ctx: QMessageLogContext, message: str) -> None:
        if mode in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            self.infos += 1
            return
        category = ctx.category or ""
        for cat, start, _why in IGNORED:
            if category == cat and message.startswith(start):
                self.ignored[f"{cat}: {start}"] = self.ignored.get(f"{cat}: {start}", 0) + 1
                return
        kind = {
            QtMsgType.QtWarningMsg: "qt-warning",
            QtMsgType.QtCriticalMsg: "qt-critical",
            QtMsgType.QtFatalMsg: "qt-fatal",
        }.get(mode, "qt-other")
        where = f"[{category}]" + (f" {ctx.file}:{ctx.line}" if ctx.file else "")
        where += f" (after: {self.doing.split(' ', 1)[-1]})"
        self.add(kind, message, where)

    def excepthook(self, etype: type[BaseException], value: BaseException, tb: Any) -> None:
        text = "".join(traceback.format_exception(etype, value, tb)).strip()
        self.add("exception", text)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        text = "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        ).strip()
        self.add("exception", text, f"thread {args.thread.name if args.thread else '?'}")

    def total(self) -> int:
        return sum(p.count for p in self.problems.values())
