"""QR codes for the end of a demo, drawn locally (nothing online) as PNG data URIs.

Pure Python (segno). Deliberately not a Qt image provider written in Python: Qt
calls providers on its image thread while holding its pixmap lock, and that
thread then waits for Python's GIL, which the GUI thread may hold while it
waits for the same lock: a deadlock seen in the GUI tests.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache


@lru_cache(maxsize=32)
def qr_data_uri(data: str, scale: int = 10) -> str:
    """A black-on-white QR code of ``data`` (quiet zone included) as a ``data:image/png`` URI."""
    import segno  # only when a demo's end screen shows a code: keeps start-up fast

    buf = io.BytesIO()
    segno.make(data, error="m", micro=False).save(buf, kind="png", scale=scale, border=4)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
