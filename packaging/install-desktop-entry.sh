#!/usr/bin/env bash
# Installs Framecast's desktop entry, icons and AppStream metainfo for the
# current user (~/.local/share), so Framecast shows up in the application menu.
#
#   packaging/install-desktop-entry.sh                 # `framecast` is already on PATH (pip install)
#   packaging/install-desktop-entry.sh dist/framecast  # a one-folder build: also links
#                                                      # ~/.local/bin/framecast to it
#   packaging/install-desktop-entry.sh --uninstall
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RES="$ROOT/resources"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="$HOME/.local/bin"
SIZES=(16 32 48 64 128 256 512)

if [[ "${1:-}" == "--uninstall" ]]; then
    rm -f "$DATA/applications/framecast.desktop" "$DATA/metainfo/io.framecast.Framecast.metainfo.xml"
    for s in "${SIZES[@]}"; do rm -f "$DATA/icons/hicolor/${s}x${s}/apps/framecast.png"; done
    rm -f "$DATA/icons/hicolor/scalable/apps/framecast.svg"
    if [[ -L "$BIN/framecast" ]]; then rm -f "$BIN/framecast"; fi
    echo "Removed Framecast's desktop entry and icons from $DATA"
    exit 0
fi

if [[ -n "${1:-}" ]]; then
    bundle="$(cd "$1" && pwd)"
    if [[ ! -x "$bundle/framecast" ]]; then
        echo "No framecast executable in $bundle" >&2
        exit 2
    fi
    mkdir -p "$BIN"
    ln -sfn "$bundle/framecast" "$BIN/framecast"
    echo "Linked $BIN/framecast -> $bundle/framecast"
fi

for s in "${SIZES[@]}"; do
    install -Dm644 "$RES/icons/framecast-$s.png" "$DATA/icons/hicolor/${s}x${s}/apps/framecast.png"
done
install -Dm644 "$RES/icons/framecast.svg" "$DATA/icons/hicolor/scalable/apps/framecast.svg"
install -Dm644 "$RES/framecast.desktop" "$DATA/applications/framecast.desktop"
install -Dm644 "$RES/io.framecast.Framecast.metainfo.xml" \
    "$DATA/metainfo/io.framecast.Framecast.metainfo.xml"

# Refresh the caches where the tools exist; desktops also notice on their own.
command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true

echo "Installed Framecast's desktop entry and icons into $DATA"
if ! command -v framecast >/dev/null; then
    echo "Note: \`framecast\` is not on PATH; the menu entry runs \`framecast\`." >&2
fi
