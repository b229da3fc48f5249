#!/bin/sh
# Adds LeadFit to this user's application menu, pointing at this unpacked folder.
# Run it again after moving the folder; remove with --remove.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data/applications/leadfit.desktop"
if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry" "$data/icons/hicolor/256x256/apps/leadfit.png" "$data/icons/hicolor/scalable/apps/leadfit.svg"
    echo "LeadFit removed from the application menu."
    exit 0
fi
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps" "$data/icons/hicolor/scalable/apps"
cp "$here/share/icons/hicolor/256x256/apps/leadfit.png" "$data/icons/hicolor/256x256/apps/"
cp "$here/share/icons/hicolor/scalable/apps/leadfit.svg" "$data/icons/hicolor/scalable/apps/"
sed "s|^Exec=.*|Exec=\"$here/leadfit-desktop\"|" "$here/share/applications/leadfit.desktop" > "$entry"
chmod 644 "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "LeadFit added to the application menu ($entry)."
