#!/bin/sh
# package-check.sh TARBALL VERSION checks a release tarball the way a user
# meets it: unpacked in a temporary directory and installed with its
# install.sh into a temporary prefix, the installed program must print its
# version, the installed desktop entry must pass desktop-file-validate and
# point at the installed program, every icon size must be there, the binary
# must be stripped and hold no build paths (-trimpath), and --uninstall
# must remove everything it installed.
set -eu
tarball=$1 version=$2
ID=io.github.rewirejournal.rewire
fail() { echo "package-check: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
tar -xzf "$tarball" -C "$work"
dir=$(find "$work" -mindepth 1 -maxdepth 1 -type d)
prefix="$work/prefix with space"

PREFIX="$prefix" sh "$dir/install.sh" >"$work/install.log" || fail "install.sh failed: $(cat "$work/install.log")"

out=$("$prefix/bin/rewire" --version) || fail "rewire --version failed"
case "$out" in "Rewire $version ("*")") ;; *) fail "rewire --version says '$out', want Rewire $version (…)" ;; esac

desktop="$prefix/share/applications/$ID.desktop"
desktop-file-validate "$desktop" || fail "desktop-file-validate failed"
grep -qx "Exec=\"$prefix/bin/rewire\"" "$desktop" || fail "Exec does not point at the installed program: $(grep Exec "$desktop")"
grep -qx "Icon=$ID" "$desktop" || fail "Icon is not $ID"

for n in 16 24 32 48 64 128 256 512; do
	f="$prefix/share/icons/hicolor/${n}x$n/apps/$ID.png"
	[ -s "$f" ] || fail "no ${n}x$n icon"
	file "$f" | grep -q "$n x $n" || fail "$f is not $n × $n: $(file "$f")"
done
[ -s "$prefix/share/icons/hicolor/scalable/apps/$ID.svg" ] || fail "no scalable icon"

file "$prefix/bin/rewire" | grep -q ", stripped" || fail "the binary is not stripped"
if grep -q "$(cd "$(dirname "$0")/.." && pwd)" "$prefix/bin/rewire"; then
	fail "the binary holds the build directory's path (not built with -trimpath)"
fi

PREFIX="$prefix" sh "$dir/install.sh" --uninstall >/dev/null || fail "uninstall failed"
# The desktop's own caches (update-desktop-database, gtk-update-icon-cache)
# stay: other programs' entries share them.
left=$(find "$prefix" -type f ! -name mimeinfo.cache ! -name icon-theme.cache)
[ -z "$left" ] || fail "uninstall left: $left"

echo "package-check: $tarball installs, runs ($out), validates and uninstalls cleanly"
