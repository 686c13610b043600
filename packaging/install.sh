#!/bin/sh
# install.sh installs Rewire from this unpacked release into a prefix: your
# own ~/.local by default (no root needed), or any other with PREFIX.
#
#   ./install.sh                       install into ~/.local
#   PREFIX=/usr/local sudo ./install.sh
#   ./install.sh --uninstall           remove what install.sh put there
#
# It installs bin/rewire, the desktop entry (with Exec pointing at the
# installed program) and the icons in the hicolor theme. Your journal is
# not touched by either direction.
set -eu

ID=io.github.rewirejournal.rewire
here=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}

case "$PREFIX" in
*'"'* | *'`'* | *'$'* | *'\'* | *'%'*)
	echo "install.sh: please choose a PREFIX without \" \` \$ \\ or %" >&2
	exit 2
	;;
esac

icons() { (cd "$here/share/icons" && find hicolor -type f -name "$ID.*"); }

refresh_caches() {
	command -v update-desktop-database >/dev/null 2>&1 &&
		update-desktop-database -q "$PREFIX/share/applications" 2>/dev/null || true
	command -v gtk-update-icon-cache >/dev/null 2>&1 &&
		gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
	rm -f "$PREFIX/bin/rewire" "$PREFIX/share/applications/$ID.desktop"
	for f in $(icons); do rm -f "$PREFIX/share/icons/$f"; done
	refresh_caches
	echo "Rewire is removed from $PREFIX. Your journal is where it was."
	exit 0
elif [ $# -gt 0 ]; then
	echo "usage: [PREFIX=dir] $0 [--uninstall]" >&2
	exit 2
fi

install -Dm755 "$here/bin/rewire" "$PREFIX/bin/rewire"
for f in $(icons); do install -Dm644 "$here/share/icons/$f" "$PREFIX/share/icons/$f"; done

exe="$PREFIX/bin/rewire"
case "$exe" in *' '*) exe="\"$exe\"" ;; esac
mkdir -p "$PREFIX/share/applications"
sed "s|^Exec=rewire|Exec=$exe|" "$here/share/applications/$ID.desktop" >"$PREFIX/share/applications/$ID.desktop.tmp"
mv "$PREFIX/share/applications/$ID.desktop.tmp" "$PREFIX/share/applications/$ID.desktop"
chmod 644 "$PREFIX/share/applications/$ID.desktop"
refresh_caches

echo "Rewire $("$PREFIX/bin/rewire" --version | cut -d' ' -f2-) is installed in $PREFIX."
case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) echo "($PREFIX/bin is not on your PATH; the menu entry works anyway.)" ;; esac
