# xvfb-session.sh is sourced by the measurement scripts (coldstart.sh,
# rss.sh) after they set NAME (for messages) and DISPLAY_FROM (the first
# display number to try). It makes a work directory, a fresh HOME without
# a session bus, an empty vault at the KDF floor made with rewire-cli
# (passphrase $PASS), and a running Xvfb with DISPLAY set; everything,
# and the app in $app if one runs, goes away on exit.

work=$(mktemp -d)
app= xvfb=
cleanup() {
	[ -z "$app" ] || { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; }
	[ -z "$xvfb" ] || { kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; }
	rm -rf "$work" || true
}
trap cleanup EXIT INT TERM
fail() { echo "$NAME: $*" >&2; exit 1; }

export HOME="$work/home" XDG_RUNTIME_DIR="$work/run"
unset XDG_CONFIG_HOME XDG_DATA_HOME DBUS_SESSION_BUS_ADDRESS
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export REWIRE_VAULT="$work/vault.db"
REWIRE_PASSPHRASE="$PASS" ./bin/rewire-cli init --kdf-memory 64 --kdf-time 3 \
	--recovery-kit "$work/kit.txt" >/dev/null 2>&1

n=$DISPLAY_FROM
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=":$n" LANG=en_US.UTF-8
i=0
until xdpyinfo >/dev/null 2>&1; do
	i=$((i + 1)); [ $i -lt 100 ] || fail "Xvfb did not start"
	sleep 0.1
done
