"""``python -m assets.sample_maker`` (from the repository root) runs the same as
``assets/make_sample.py``."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
