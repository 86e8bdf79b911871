"""kiosk.allocator: large buffers stay in mmap however often they are freed."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

# A fresh process (the threshold is process-wide): allocate and free a 4 MiB block, then
# allocate one again and count glibc's mmapped blocks (mallinfo2().hblks) while it is held.
CHILD = textwrap.dedent(
    """
    import ctypes, sys
    from kiosk.allocator import pin_mmap_threshold

    class MallInfo2(ctypes.Structure):
        _fields_ = [(n, ctypes.c_size_t) for n in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
            "uordblks", "fordblks", "keepcost")]

    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    libc.mallinfo2.restype = MallInfo2
    if sys.argv[1] == "pinned":
        assert pin_mmap_threshold()
    size = 4 << 20
    libc.free(libc.malloc(size))       # unpinned, this raises the threshold to 4 MiB
    before = libc.mallinfo2().hblks
    block = libc.malloc(size)
    print(libc.mallinfo2().hblks - before)
    libc.free(block)
    """
)


def mmapped_blocks(mode: str) -> int:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_a_freed_large_block_does_not_move_the_next_one_into_the_heap() -> None:
    assert mmapped_blocks("default") == 0  # glibc's moving threshold: the heap
    assert mmapped_blocks("pinned") == 1  # pinned: mmap, returned to the system on free
