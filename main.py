"""Run the kiosk: ``python main.py`` shows the sample bundle fullscreen (see --help)."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main(["run", *sys.argv[1:]]))
