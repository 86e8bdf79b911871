"""The thin Qt layer: adapts the pure core to Qt Quick. Only this package imports PySide6."""
