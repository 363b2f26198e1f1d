#!/bin/sh
# Install this Grapevine bundle for the current user: a `grapevine` command in ~/.local/bin, the menu entry,
# the icons and the software-centre metadata (PREFIX=/usr/local ./install.sh for everyone, as root).
# `./install.sh --uninstall` removes them again; the bundle folder itself is never touched.
set -eu

app_id=org.grapevine.Grapevine
bundle=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
executable="$bundle/grapevine"
share="$prefix/share"

refresh_caches() {
    # Menus and icon themes notice new files sooner with fresh caches; neither tool is required.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    if [ -L "$prefix/bin/grapevine" ]; then
        rm -f "$prefix/bin/grapevine"
    fi
    rm -f "$share/applications/$app_id.desktop" "$share/metainfo/$app_id.metainfo.xml"
    for icon in "$bundle"/share/icons/hicolor/*/apps/*; do
        rm -f "$share/icons/hicolor/${icon#"$bundle"/share/icons/hicolor/}"
    done
    refresh_caches
    echo "Grapevine's menu entry, icons and command were removed from $prefix (your data is kept)."
    exit 0
elif [ $# -gt 0 ]; then
    echo "usage: $0 [--uninstall]   (set PREFIX to install somewhere other than ~/.local)" >&2
    exit 2
fi

if [ ! -x "$executable" ]; then
    echo "install.sh: $executable is missing: run this script from inside the unpacked grapevine folder" >&2
    exit 1
fi
case $executable in
    *[\"\`\$\\]*)
        echo "install.sh: the folder $bundle has a quote, backquote, dollar or backslash in its path;" \
            "move it somewhere plainer and run install.sh again" >&2
        exit 1
        ;;
esac

mkdir -p "$prefix/bin" "$share/applications" "$share/metainfo"
if [ -e "$prefix/bin/grapevine" ] && [ ! -L "$prefix/bin/grapevine" ]; then
    echo "install.sh: $prefix/bin/grapevine exists and is not ours; leaving it alone" >&2
else
    ln -sf "$executable" "$prefix/bin/grapevine"
fi

# The menu entry runs this bundle by its full path, so it works whether or not ~/.local/bin is on PATH.
while IFS= read -r line; do
    case $line in
        Exec=grapevine*) printf 'Exec="%s"%s\n' "$executable" "${line#Exec=grapevine}" ;;
        TryExec=grapevine) printf 'TryExec=%s\n' "$executable" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$bundle/share/applications/$app_id.desktop" >"$share/applications/$app_id.desktop"
cp "$bundle/share/metainfo/$app_id.metainfo.xml" "$share/metainfo/"
for icon in "$bundle"/share/icons/hicolor/*/apps/*; do
    target="$share/icons/hicolor/${icon#"$bundle"/share/icons/hicolor/}"
    mkdir -p "$(dirname "$target")"
    cp "$icon" "$target"
done
refresh_caches
echo "Grapevine is installed: find it in your applications menu, or run 'grapevine' ($prefix/bin)."
