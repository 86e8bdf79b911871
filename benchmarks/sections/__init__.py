"""The sections of ``python -m benchmarks``: each measures figures next to their floors."""
