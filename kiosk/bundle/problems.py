"""Validation problems: what staff read when a bundle is wrong."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a bundle.

    ``file`` is relative to the bundle root (``entities/moi/entity.toml``),
    ``field`` is the path inside that file (``slides[2].caption.en``) or ``""``
    when the problem is about the file as a whole.
    """

    file: str
    field: str
    message: str
    fix: str
    severity: Severity = Severity.ERROR
    code: str = "invalid"
    """Stable machine-readable kind, e.g. ``missing-text``; used by --json and tests."""

    def location(self) -> str:
        return f"{self.file}: {self.field}" if self.field else self.file

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}. Fix: {self.fix}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Report:
    """Everything found in one bundle, errors and warnings apart."""

    source: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def error(self, file: str, fld: str, message: str, fix: str, code: str = "invalid") -> None:
        self.add(Problem(file, fld, message, fix, Severity.ERROR, code))

    def warning(self, file: str, fld: str, message: str, fix: str, code: str = "warning") -> None:
        self.add(Problem(file, fld, message, fix, Severity.WARNING, code))

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "valid": self.ok,
            "errors": [p.as_dict() for p in self.errors],
            "warnings": [p.as_dict() for p in self.warnings],
        }


class BundleError(Exception):
    """Raised when a bundle cannot be loaded; carries the full report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        first = report.errors[0] if report.errors else None
        more = len(report.errors) - 1
        text = str(first) if first else "invalid bundle"
        if more > 0:
            text += f" (and {more} more problem{'s' if more > 1 else ''})"
        super().__init__(text)
