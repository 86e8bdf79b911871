"""Draw every media file of the sample bundle (kiosk/sample_bundle).

    QT_QPA_PLATFORM=offscreen .venv/bin/python assets/make_sample.py
    .venv/bin/python -m assets.sample_maker          # the same, from the repository root

What it writes, per entity under ``kiosk/sample_bundle/entities/<id>/``:

* ``logo.png``             512x512 emblem in the entity's accent colour (drawn here, never a
                           real logo)
* ``slides/<id>.jpg``      1920x1080 illustrations, with no text (the kiosk renders captions)
* ``slides/<id>-poster.jpg`` and ``videos/<id>.mp4``  short calm animations (mict, moi)
* ``demo/<name>.png``      1920x1080 mock screenshots of e-services for the service demos

The manifests (``bundle.toml``, ``entities/*/entity.toml``) are written by hand. The
hotspot rectangles in them must match the buttons drawn here: every button is drawn from
one layout table, its normalised rectangle is printed, and at the end the script checks
each image screen's hotspots in the manifests against what it drew (and each entity's
accent colour against the colour the art uses). It exits with status 1 on a mismatch.

Options: ``--only mict,moi`` limits the work to some entities; ``--no-video`` skips the
(slower) video encoding; ``--check`` only compares manifests with the layout, writing nothing;
``--bundle DIR`` checks (or writes into) another copy of the bundle.

Pure drawing with Qt (QPainter on QImage); videos are raw frames piped into ffmpeg. No
network, fixed random seeds, so re-running gives the same pictures. Arabic is shaped by
Qt itself (HarfBuzz): do not feed arabic_reshaper / python-bidi output in here.

The modules, from the bottom up:

* ``settings``     where the bundle is, the drawing sizes, the ``--bundle``/``--check`` switches
* ``colours``      the palette, each entity's accent colour, mix / tint / contrast
* ``text``         fonts and one-language text that shrinks to fit (Arabic right to left)
* ``shapes``       cards, circles, lines and the icon set
* ``output``       writing JPEG/PNG files (nothing under ``--check``) and ffmpeg videos
* ``logos``        each entity's emblem and 512x512 logo
* ``art``          slide illustrations and the video scenes; ``SLIDES``, ``VIDEOS``
* ``screenshots``  the mock e-service screens and the buttons' rectangles; ``SHOTS``, ``HOTSPOTS``
* ``manifests``    compares the hand-written manifests with the drawn buttons and accents
* ``cli``          the command line: draws everything, prints the rectangles, checks
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
