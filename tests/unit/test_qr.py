from __future__ import annotations

import base64

from kiosk.qr import qr_data_uri


def test_qr_is_a_local_png_data_uri() -> None:
    uri = qr_data_uri("https://hukoomi.gov.qa")
    assert uri.startswith("data:image/png;base64,")
    png = base64.b64decode(uri.split(",", 1)[1])
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert qr_data_uri("https://hukoomi.gov.qa") is uri  # cached
