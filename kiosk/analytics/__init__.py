"""Visitor analytics: an anonymous, crash-safe SQLite event log, statistics and exports.

Pure Python; never imports PySide6. Public API::

    EventLog(path, kiosk_id).start() / .log(type, ...) / .flush() / .close() / .status()
    Recorder(session, log)                      # logs every visitor-session event
    summarize(conn, Filter(...)) -> Summary     # the staff statistics
    export(conn, out, "csv" | "jsonl"), export_per_entity(...), merge(sources, out)
"""

from .events import PayloadError, check_payload, new_id
from .exchange import export, export_per_entity, merge
from .recorder import Recorder
from .schema import ENTITY_COLUMNS, EVENT_COLUMNS, SCHEMA_VERSION, connect
from .stats import Filter, Summary, heat_points, summarize
from .store import EventLog, Status, read_status

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
