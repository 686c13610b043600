#!/bin/sh
# package.sh builds the Linux release: bin/rewire-<version>-linux-<arch>.tar.gz
# holding bin/rewire (release flags: -trimpath, stripped with -s -w, version
# and commit stamped), the desktop entry made by Fyne's own `fyne package`
# from cmd/rewire/FyneApp.toml, the icon at the usual hicolor sizes plus the
# SVG, and install.sh (into ~/.local by default). Then
# scripts/package-check.sh installs it into a temporary prefix and checks it.
#
# The fyne tool (fyne.io/tools, pinned below) is built into bin/tools the
# first time; that needs the Go module proxy once. With --install it then
# installs the package (PREFIX, default ~/.local) as `make install` does.
set -eu
cd "$(dirname "$0")/.."
install=
case "${1:-}" in
--install) install=1 ;;
"") ;;
*) echo "usage: $0 [--install]" >&2; exit 2 ;;
esac

FYNE_TOOL=fyne.io/tools/cmd/fyne@v1.7.4
ID=io.github.rewirejournal.rewire
VERSION=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' cmd/rewire/FyneApp.toml)
BUILD=$(sed -n 's/^Build *= *\([0-9]*\)/\1/p' cmd/rewire/FyneApp.toml)
COMMIT=$(git describe --always --dirty 2>/dev/null || echo unknown)
NAME=rewire-$VERSION-linux-$(go env GOARCH)

work=$(mktemp -d)
# fyne rewrites FyneApp.toml (a new build number, comments dropped); put
# ours back however the script ends.
cp cmd/rewire/FyneApp.toml "$work/FyneApp.toml"
trap 'cp "$work/FyneApp.toml" cmd/rewire/FyneApp.toml; rm -rf "$work" cmd/rewire/Rewire.tar.xz' EXIT INT TERM

echo "package: building rewire $VERSION ($COMMIT)"
go build -tags sqlite_fts5 -trimpath \
	-ldflags "-s -w -X main.version=$VERSION -X main.commit=$COMMIT -X main.build=$BUILD" \
	-o "$work/rewire" ./cmd/rewire

if [ ! -x bin/tools/fyne ]; then
	echo "package: building the fyne tool ($FYNE_TOOL)"
	GOBIN="$PWD/bin/tools" go install "$FYNE_TOOL"
fi
# --exe: fyne packages our release binary instead of building its own.
(cd cmd/rewire && ../../bin/tools/fyne package -os linux --exe "$work/rewire" --release)
mkdir "$work/fyne"
tar -xJf cmd/rewire/Rewire.tar.xz -C "$work/fyne"

root="$work/$NAME"
mkdir -p "$root/bin" "$root/share/applications" "$root/share/icons/hicolor/scalable/apps"
cp "$(find "$work/fyne" -path '*/bin/rewire')" "$root/bin/rewire"
cp "$(find "$work/fyne" -name "$ID.desktop")" "$root/share/applications/$ID.desktop"
go run ./scripts/icons -png assets/icon.png -out "$root/share/icons/hicolor" 16 24 32 48 64 128 256 512
cp assets/icon.svg "$root/share/icons/hicolor/scalable/apps/$ID.svg"
cp packaging/install.sh "$root/install.sh"
chmod 755 "$root/install.sh" "$root/bin/rewire"
desktop-file-validate "$root/share/applications/$ID.desktop"

mkdir -p bin
tar -C "$work" -czf "bin/$NAME.tar.gz" "$NAME"
echo "package: bin/$NAME.tar.gz"
sh scripts/package-check.sh "bin/$NAME.tar.gz" "$VERSION"
if [ -n "$install" ]; then
	sh "$root/install.sh"
fi
