"""Kiosk Studio: a Qt Widgets editor for bundles, for staff (``kiosk studio``, docs/studio.md).

The window is thin: every edit is a :mod:`kiosk.authoring` command pushed on the project's
history, and the outline, the translation gaps and the background check come from
:mod:`kiosk.authoring.outline` and :mod:`kiosk.authoring.gaps`.
"""
