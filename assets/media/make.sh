#!/bin/sh
# The fixture videos of the media tests (tests/made_qt_media.py) and the stress bundle (assets/stress_bundle.py), made once with ffmpeg and
# committed: CI has no ffmpeg. Each is 1 s of H.264 (main profile, yuv420p, the index at the
# front: +faststart), a few KB, at a small size that keeps the shape of a real one:
#   portrait-108x192.mp4    a phone video held upright (1080x1920 scaled down)
#   landscape-192x108.mp4   a 16:9 video (1920x1080 scaled down)
# The picture is a test pattern, so a grab shows which way is up. Run from anywhere:
#   assets/media/make.sh
set -eu
cd "$(dirname "$0")"
make() {
    ffmpeg -hide_banner -loglevel error -y \
        -f lavfi -i "testsrc2=size=$1:rate=25:duration=1" \
        -c:v libx264 -profile:v main -pix_fmt yuv420p -preset veryslow -crf 35 \
        -movflags +faststart -an -map_metadata -1 -fflags +bitexact "$2"
}
make 108x192 portrait-108x192.mp4
make 192x108 landscape-192x108.mp4
ls -l ./*.mp4
