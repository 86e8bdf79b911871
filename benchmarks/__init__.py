"""Reproducible performance measurements; each prints a table and a JSON line."""
