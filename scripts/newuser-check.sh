#!/bin/sh
# newuser-check.sh is a new user's first minutes, scripted: in a fresh
# temporary HOME (no preferences, no vault, no config) it takes a clean
# copy of the committed tree, runs the README's build step (`make build`,
# which runs scripts/setup.sh first), starts `rewire --demo` under Xvfb,
# captures the window with ImageMagick's `import` (an external tool, not
# the app's own renderer) and fails if the window never appears or is
# blank. It also checks that starting Rewire again on the same journal
# brings the first window forward instead of opening a second, and that
# quitting removes the throwaway demo vault.
#
# The screenshot is left in bin/newuser.png.
#
# Go's module and build caches are shared with the caller so CI stays
# fast; NEWUSER_COLD=1 gives the fresh HOME its own empty caches too (a
# truly cold first build: several minutes, and the module proxy).
set -eu
cd "$(dirname "$0")/.."
repo=$(pwd)
mkdir -p bin
shot="$repo/bin/newuser.png"
rm -f "$shot"

work=$(mktemp -d)
app= xvfb=
cleanup() {
	[ -z "$app" ] || { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; }
	[ -z "$xvfb" ] || { kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; }
	chmod -R u+w "$work" 2>/dev/null || true
	rm -rf "$work" || true
}
trap cleanup EXIT INT TERM
fail() { echo "newuser-check: $*" >&2; exit 1; }

if [ "${NEWUSER_COLD:-}" != 1 ]; then
	GOMODCACHE=$(go env GOMODCACHE) GOCACHE=$(go env GOCACHE)
	export GOMODCACHE GOCACHE
fi
export GOFLAGS="${GOFLAGS:-}" GOPROXY="$(go env GOPROXY)"
export HOME="$work/home" TMPDIR="$work/tmp"
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR REWIRE_VAULT REWIRE_PASSPHRASE DBUS_SESSION_BUS_ADDRESS
mkdir -p "$HOME" "$TMPDIR"

echo "newuser-check: a clean copy of $(git rev-parse --short HEAD) in a fresh HOME"
git clone -q --no-hardlinks "$repo" "$work/rewire"
cd "$work/rewire"
git checkout -q "$(git -C "$repo" rev-parse HEAD)"

echo "newuser-check: make build"
make build >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; fail "make build failed"; }
[ -x bin/rewire ] || fail "make build made no bin/rewire"

n=${NEWUSER_DISPLAY:-115}
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=":$n" LANG=en_US.UTF-8
i=0
until xdpyinfo >/dev/null 2>&1; do
	i=$((i + 1)); [ $i -lt 100 ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
	sleep 0.1
done

echo "newuser-check: rewire --demo on $DISPLAY"
./bin/rewire --demo >"$work/app.log" 2>&1 &
app=$!
i=0
until win=$(xwininfo -root -tree 2>/dev/null | awk '/"Rewire"/ {print $1; exit}') && [ -n "$win" ]; do
	i=$((i + 1))
	if [ $i -ge 300 ] || ! kill -0 $app 2>/dev/null; then
		cat "$work/app.log" >&2
		fail "the Rewire window never appeared"
	fi
	sleep 0.1
done
sleep 1 # let the first frames draw
import -window "$win" "$shot" || fail "import could not capture the window"
size=$(identify -format '%wx%h' "$shot")
sd=$(convert "$shot" -format '%[fx:standard_deviation]' info:)
[ "$(awk "BEGIN{print ($sd > 0.02)}")" = 1 ] || fail "the window is blank (standard deviation $sd, $shot)"
colors=$(convert "$shot" -format '%k' info:)
[ "$colors" -ge 16 ] || fail "the window shows only $colors colours ($shot)"

demo=$(ls -d "$TMPDIR"/rewire-demo-* 2>/dev/null | head -1)
[ -n "$demo" ] || fail "no demo vault in \$TMPDIR while the demo runs"

# Starting Rewire again on the same journal brings the window forward and
# exits 0: still one window.
timeout 20 ./bin/rewire --vault "$demo/demo.db" >"$work/second.log" 2>&1 ||
	fail "a second start on the same journal failed: $(cat "$work/second.log")"
grep -q "already running" "$work/second.log" || fail "the second start did not find the first: $(cat "$work/second.log")"
wins=$(xwininfo -root -tree 2>/dev/null | grep -c '"Rewire"')
[ "$wins" -eq 1 ] || fail "$wins Rewire windows after a second start, want 1"
kill $app
wait $app 2>/dev/null || true
app=
[ ! -e "$demo" ] || fail "quitting left the demo vault behind: $demo"

echo "newuser-check: the window appeared and drew ($size, $colors colours, sd $sd): $shot"
