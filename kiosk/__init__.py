"""Qatar pavilion kiosk.

The core (``kiosk.bundle``, ``kiosk.session``, ``kiosk.analytics``) is plain
Python; ``kiosk.qt`` adapts it to Qt Quick; ``kiosk.cli`` is the staff CLI.
"""

__version__ = "0.1.0"


class PackageDataError(RuntimeError):
    """The kiosk's own files (its QML, the sample bundle) are not a folder on disk
    (kiosk.paths); ``kiosk`` says so in one line, with the fix."""
