"""Where the sample bundle is, the sizes everything is drawn at, and the two run switches.

``BUNDLE`` and ``DRY_RUN`` are set by :func:`sample_maker.cli.main` (``--bundle``, ``--check``)
before anything is drawn; read them as ``settings.BUNDLE`` / ``settings.DRY_RUN`` when used,
not with ``from .settings import BUNDLE``, so that the value set there is the one seen.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent.parent  # assets/
# The sample bundle ships inside the package (kiosk.paths.SAMPLE_BUNDLE), so the wheel carries it.
SAMPLE = HERE.parent / "kiosk" / "sample_bundle"
BUNDLE = SAMPLE  # read the manifests from and write the media into (--bundle)
FONTS = SAMPLE / "fonts"  # the fonts everything is drawn with

W, H = 1920, 1080  # every slide and screenshot is drawn in this logical space
VIDEO_SIZE = (1280, 720)
FPS = 25
JPEG_QUALITY = 85

DRY_RUN = False  # --check: draw in memory only (to learn the buttons), write no file
