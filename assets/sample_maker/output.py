"""Writing pictures (JPEG or PNG, nothing under ``--check``) and encoding videos with ffmpeg."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QImage, QPainter

from . import settings
from .colours import WHITE
from .settings import FPS, JPEG_QUALITY, VIDEO_SIZE, H, W

if TYPE_CHECKING:
    from .art import Art, Scene


def save(img: QImage, path: Path) -> None:
    if settings.DRY_RUN:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    # The format is a str: PySide6 6.11 refuses bytes here, though its stubs ask for them.
    if path.suffix == ".jpg":
        rgb = img.convertToFormat(QImage.Format.Format_RGB32)
        ok = rgb.save(str(path), "JPEG", JPEG_QUALITY)  # type: ignore[call-overload]
    else:
        ok = img.save(str(path), "PNG")  # type: ignore[call-overload]
    if not ok:
        raise SystemExit(f"could not write {path}")


def render(draw: Callable[[QPainter], None], size: tuple[int, int] = (W, H)) -> QImage:
    img = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    img.fill(WHITE)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.scale(size[0] / W, size[1] / H)
    draw(p)
    p.end()
    return img


def slide(art: Art, accent: QColor) -> QImage:
    """A slide: ``art`` drawn in ``accent`` at full size."""
    return render(lambda p: art(p, accent))


def frame(scene: Scene, accent: QColor, t: float | None, size: tuple[int, int] = (W, H)) -> QImage:
    """``scene`` at ``t`` seconds (None: its still, the video's poster)."""
    return render(lambda p: scene(p, accent, t), size)


def make_video(scene: Scene, accent: QColor, seconds: float, path: Path) -> None:
    ffmpeg = shutil.which("ffmpeg")
    if not ffmpeg:
        raise SystemExit("ffmpeg is needed to encode the videos (apt-get install ffmpeg)")
    path.parent.mkdir(parents=True, exist_ok=True)
    w, h = VIDEO_SIZE
    # fmt: off
    cmd = [
        ffmpeg, "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24",
        "-s", f"{w}x{h}", "-r", str(FPS), "-i", "-", "-an",
        "-c:v", "libx264", "-preset", "slow", "-crf", "20", "-pix_fmt", "yuv420p",
        "-profile:v", "main", "-movflags", "+faststart", "-map_metadata", "-1",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-threads", "1", str(path),
    ]
    # fmt: on
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    frames = round(seconds * FPS)
    for i in range(frames):
        t = i / FPS
        img = frame(scene, accent, t, VIDEO_SIZE).convertToFormat(QImage.Format.Format_RGB888)
        assert img.bytesPerLine() == w * 3
        proc.stdin.write(bytes(img.constBits()))
    proc.stdin.close()
    if proc.wait() != 0:
        raise SystemExit(f"ffmpeg failed for {path}")
