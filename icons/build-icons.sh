#!/usr/bin/env bash
# Renders icons/weir.svg into every icon file the installers and the console use. The outputs are committed,
# so builds need none of these tools; run this again after changing the SVG and commit what it writes.
#
# Needs (Debian/Ubuntu): apt-get install librsvg2-bin imagemagick icnsutils
#   rsvg-convert  (librsvg2-bin)  SVG -> PNG at each size
#   convert       (imagemagick)   PNGs -> Windows .ico
#   png2icns      (icnsutils)     PNGs -> macOS .icns
#
# Writes: png/weir-{16..1024}.png, weir.png (256 px: Linux menu entry), weir.ico (16-256), weir.icns (16-1024).
set -euo pipefail
cd "$(dirname "$0")"

need() { command -v "$1" >/dev/null 2>&1 || { echo "build-icons: $1 is missing (apt-get install $2)" >&2; exit 1; }; }
need rsvg-convert librsvg2-bin
need png2icns icnsutils
# /usr/local/bin/convert may be a stand-in that only reads PNGs; the real one says ImageMagick.
convert -version 2>/dev/null | grep -q ImageMagick || { echo "build-icons: ImageMagick's convert is missing (apt-get install imagemagick)" >&2; exit 1; }

mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" weir.svg --output "png/weir-$size.png"
done
cp png/weir-256.png weir.png

# Windows: one .ico holding the sizes Explorer, the taskbar and the installer pick from.
convert png/weir-16.png png/weir-24.png png/weir-32.png png/weir-48.png png/weir-64.png \
        png/weir-128.png png/weir-256.png weir.ico

# macOS: the sizes png2icns knows (it picks the icon type from each PNG's size).
png2icns weir.icns png/weir-16.png png/weir-32.png png/weir-48.png png/weir-128.png \
         png/weir-256.png png/weir-512.png png/weir-1024.png >/dev/null

echo "build-icons: wrote $(ls png | wc -l) PNGs, weir.png, weir.ico, weir.icns"
