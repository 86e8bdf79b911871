"""Floors: the bare-Qt baselines every kiosk figure is divided by (measured in the same run)."""
