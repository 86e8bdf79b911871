"""Turns visitor-session events into log rows: the session's listener."""

from __future__ import annotations

from ..bundle.model import Bundle
from ..session import Event, Session
from .store import EventLog

_TARGET_KEYS = ("screen", "slide", "demo", "page")


class Recorder:
    """Listens to a :class:`Session` and logs every event with its session and language."""

    def __init__(self, session: Session, log: EventLog) -> None:
        self.session = session
        self.log = log
        self.tag(session.full_bundle)  # every entity, whatever the schedule shows now
        session.listeners.append(self)

    def tag(self, bundle: Bundle) -> None:
        """Tag events with ``bundle`` and record its entities' names (for reports)."""
        names = [(e.id, e.name.get("ar"), e.name.get("en")) for e in bundle.entities]
        self.log.set_bundle(bundle.id, bundle.version, names)

    def __call__(self, event: Event) -> None:
        data = dict(event.data)
        entity = data.pop("entity", None)
        target = data.pop("target", None)
        if target is None:
            target = next((data[k] for k in _TARGET_KEYS if k in data), None)
        if "from_" in data:
            data["from"] = data.pop("from_")
        self.log.log(
            event.type,
            session_id=self.session.session_id,
            entity=entity,
            target=target,
            language=self.session.language,
            payload=data,
        )
