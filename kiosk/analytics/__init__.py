"""Visitor analytics: an anonymous, crash-safe SQLite event log, statistics and exports.

Pure Python; never imports PySide6. Public API::

    EventLog(path, kiosk_id).start() / .log(type, ...) / .flush() / .close() / .status()
    Recorder(session, log)                      # logs every visitor-session event
    summarize(conn, Filter(...)) -> Summary     # the staff statistics
    export(conn, out, "csv" | "jsonl"), export_per_entity(...), merge(sources, out)

The names are imported on first use (PEP 562): the kiosk's start-up needs the event log
and the recorder, not the statistics, the exports or the report (nor their imports).
``tests/unit/test_lazy_imports.py`` keeps it so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .events import PayloadError, check_payload, new_id
    from .exchange import export, export_per_entity, merge
    from .recorder import Recorder
    from .schema import ENTITY_COLUMNS, EVENT_COLUMNS, SCHEMA_VERSION, connect
    from .stats import Filter, Summary, heat_points, summarize
    from .store import EventLog, Status, read_status

_SOURCES = {
    "PayloadError": "events",
    "check_payload": "events",
    "new_id": "events",
    "export": "exchange",
    "export_per_entity": "exchange",
    "merge": "exchange",
    "Recorder": "recorder",
    "ENTITY_COLUMNS": "schema",
    "EVENT_COLUMNS": "schema",
    "SCHEMA_VERSION": "schema",
    "connect": "schema",
    "Filter": "stats",
    "Summary": "stats",
    "heat_points": "stats",
    "summarize": "stats",
    "EventLog": "store",
    "Status": "store",
    "read_status": "store",
}
"""Each public name → the submodule that defines it."""

__all__ = [
    "ENTITY_COLUMNS",
    "EVENT_COLUMNS",
    "SCHEMA_VERSION",
    "EventLog",
    "Filter",
    "PayloadError",
    "Recorder",
    "Status",
    "Summary",
    "check_payload",
    "connect",
    "export",
    "export_per_entity",
    "heat_points",
    "merge",
    "new_id",
    "read_status",
    "summarize",
]

if not TYPE_CHECKING:  # mypy sees the imports above, and flags a name that is not there
    __getattr__, __dir__ = lazy_exports(__name__, _SOURCES)
