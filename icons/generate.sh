#!/usr/bin/env bash
# Renders the Triage icon set from icons/triage.svg:
#   icons/png/triage-<N>.png for N in 16 24 32 48 64 128 256 512 1024,
#   icons/triage.ico (16-256, for Windows/jpackage --icon), icons/triage.icns (16-1024, for macOS),
#   and copies the window-icon sizes into the app's resources.
# Needs (Debian/Ubuntu): apt-get install -y librsvg2-bin imagemagick icnsutils
# The outputs are committed; rerun this only after changing the SVG.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
svg="$here/triage.svg"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null 2>&1 || { echo "generate.sh: $tool is missing (apt-get install -y librsvg2-bin imagemagick icnsutils)" >&2; exit 2; }
done
# A stand-in `convert` cannot write .ico: insist on ImageMagick.
convert -version 2>/dev/null | grep -q ImageMagick || { echo "generate.sh: convert is not ImageMagick (apt-get install -y imagemagick)" >&2; exit 2; }

mkdir -p "$here/png"
for n in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$n" --height "$n" --keep-aspect-ratio "$svg" --output "$here/png/triage-$n.png"
done

# Windows: one .ico holding every size up to 256 (the largest an .ico stores).
convert "$here"/png/triage-{16,24,32,48,64,128,256}.png "$here/triage.ico"

# macOS: png2icns takes the sizes Apple defines (16, 32, 48, 128, 256, 512, 1024).
png2icns "$here/triage.icns" "$here"/png/triage-{16,32,48,128,256,512,1024}.png >/dev/null

# The window icon (stage.getIcons()) picks the best fit from these.
res="$here/../app/src/main/resources/dev/triage/app/icons"
mkdir -p "$res"
for n in 16 32 48 64 128 256; do cp "$here/png/triage-$n.png" "$res/"; done

ls -l "$here/triage.ico" "$here/triage.icns" "$here"/png/*.png
