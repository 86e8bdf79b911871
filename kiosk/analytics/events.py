"""Event rows: sortable ids, and payloads that cannot carry personal data."""

from __future__ import annotations

import json
import os
import re
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_SAFE_TEXT = re.compile(r"[A-Za-z0-9_.:/-]{0,64}", re.ASCII)
"""Matched with fullmatch() only (``$`` would also match before a final newline)."""
MAX_PAYLOAD_KEYS = 12


_last = [0, 0]
_id_lock = threading.Lock()


def new_id(now_ms: int | None = None) -> str:
    """A 26-character ULID-style id: 48 bits of milliseconds, then 80 random bits.

    Ids sort by time and are unique across kiosks, so logs merge without clashes.
    Within one millisecond this process's ids still increase (the random part is
    incremented), so ``ORDER BY id`` keeps the order events were logged in.
    """
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    with _id_lock:
        if ms <= _last[0] and now_ms is None:
            ms = _last[0]
            rand = _last[1] + 1
        else:
            rand = int.from_bytes(os.urandom(10), "big") >> 1  # room to increment
        _last[0], _last[1] = ms, rand
    value = (ms << 80) | (rand & ((1 << 80) - 1))
    out = []
    for _ in range(26):
        out.append(_CROCKFORD[value & 31])
        value >>= 5
    return "".join(reversed(out))


class PayloadError(ValueError):
    """A payload value that could hold free text or personal data."""


def check_payload(payload: dict[str, Any]) -> str:
    """The payload as compact JSON, after checking it holds only numbers, booleans and slugs."""
    if len(payload) > MAX_PAYLOAD_KEYS:
        raise PayloadError(f"too many payload keys ({len(payload)})")
    for key, value in payload.items():
        if not _SAFE_TEXT.fullmatch(key):
            raise PayloadError(f"payload key {key!r} is not a slug")
        if value is None or isinstance(value, bool | int | float):
            continue
        if isinstance(value, str) and _SAFE_TEXT.fullmatch(value):
            continue
        raise PayloadError(f"payload value for {key!r} is not a number, boolean or slug")
    return json.dumps(payload, separators=(",", ":"), sort_keys=True)


@dataclass(frozen=True)
class Row:
    """One event, ready to insert."""

    id: str
    kiosk_id: str
    bundle_id: str
    bundle_version: str
    session_id: str | None
    seq: int
    wall_utc: str
    mono_ms: float
    type: str
    entity: str | None
    target: str | None
    language: str | None
    payload: str

    def values(self) -> tuple[Any, ...]:
        return (
            self.id,
            self.kiosk_id,
            self.bundle_id,
            self.bundle_version,
            self.session_id,
            self.seq,
            self.wall_utc,
            self.mono_ms,
            self.type,
            self.entity,
            self.target,
            self.language,
            self.payload,
        )


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
