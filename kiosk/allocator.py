"""The C allocator's settings for a process that runs for days.

glibc serves a large ``malloc`` (128 KiB and up) with its own ``mmap`` and returns it to
the system on ``free`` — but each time such a block is freed it raises that threshold to
the block's size (up to 32 MiB), so later blocks of that size come from the heap instead.
A playing video allocates and frees megabyte-sized frame buffers many times a second; once
they live in the heap, other allocations settle between them and the heap cannot shrink.
In the memory benchmark's visitor walk the kiosk's resident memory grew that way, and stayed
flat with video playback left out. Pinning the threshold keeps large buffers in ``mmap``, and
the growth within the noise of single samples (figures: benchmarks/README.md, "Figures behind
the code's choices").

Pure Python (ctypes); a no-op where the C library is not glibc.
"""

from __future__ import annotations

import ctypes

M_MMAP_THRESHOLD = -3  # <malloc.h>
MMAP_THRESHOLD = 128 * 1024  # glibc's default, made fixed


def pin_mmap_threshold(threshold: int = MMAP_THRESHOLD) -> bool:
    """Fix glibc's mmap threshold (which also stops it moving); False if not glibc."""
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the process already uses
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, threshold))
