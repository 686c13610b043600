#!/bin/sh
# smoke-gui.sh proves the whole GUI toolchain works: it builds rewire, makes a
# throwaway vault, starts the app under Xvfb, waits for its window, captures
# the screen with ImageMagick's `import` and fails if the window never
# appears or the capture is blank. The screenshot is left in bin/smoke.png.
set -eu
cd "$(dirname "$0")/.."

TAGS=sqlite_fts5
mkdir -p bin
go build -tags $TAGS -o bin/rewire ./cmd/rewire
go build -tags $TAGS -o bin/rewire-cli ./cmd/rewire-cli

work=$(mktemp -d)
app= xvfb=
cleanup() {
	# Wait for the app to exit before removing its HOME: it writes its
	# preferences on the way out.
	[ -z "$app" ] || { kill $app 2>/dev/null; wait $app 2>/dev/null; }
	[ -z "$xvfb" ] || { kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; }
	rm -rf "$work" || true
}
trap cleanup EXIT INT TERM

export REWIRE_VAULT="$work/vault.db"
export REWIRE_PASSPHRASE="smoke test passphrase"
./bin/rewire-cli init --kdf-memory 64 --kdf-time 3 --recovery-kit "$work/kit.txt" >/dev/null
unset REWIRE_PASSPHRASE

# Pick a free display number.
n=90
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1024x768x24 -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=":$n"
export HOME="$work" LANG=en_US.UTF-8

i=0
until xdpyinfo >/dev/null 2>&1; do
	i=$((i + 1)); [ $i -lt 50 ] || { echo "smoke: Xvfb did not start" >&2; cat "$work/xvfb.log" >&2; exit 1; }
	sleep 0.1
done

./bin/rewire >"$work/app.log" 2>&1 &
app=$!
i=0
until xwininfo -root -tree 2>/dev/null | grep -q '"Rewire"'; do
	i=$((i + 1))
	if [ $i -ge 300 ] || ! kill -0 $app 2>/dev/null; then
		echo "smoke: the Rewire window never appeared" >&2
		cat "$work/app.log" >&2
		exit 1
	fi
	sleep 0.1
done
sleep 1 # let the first frame draw
import -window root bin/smoke.png
sd=$(convert bin/smoke.png -format '%[fx:standard_deviation]' info:)
if [ "$(awk "BEGIN{print ($sd > 0.01)}")" != 1 ]; then
	echo "smoke: the screen is blank (standard deviation $sd)" >&2
	exit 1
fi
echo "smoke: window appeared and drew (bin/smoke.png)"
