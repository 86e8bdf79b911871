"""Generate every media file of the sample bundle (kiosk/sample_bundle).

    QT_QPA_PLATFORM=offscreen .venv/bin/python assets/make_sample.py [--only mict,moi]
        [--no-video] [--check] [--bundle DIR]

The drawing code is the package next to this file, ``assets/sample_maker/`` (its
``__init__`` lists the modules); this file only runs its command line, so that the
command above keeps working. ``--help`` describes the options.
"""

from __future__ import annotations

import sys

from sample_maker.cli import main

if __name__ == "__main__":
    sys.exit(main())
