#!/bin/sh
# coldstart.sh measures Rewire's cold start to the unlock prompt: from
# exec to the window mapped on the X server with the unlock screen, five
# times, and prints each run and the median. Each run is a new process
# with a vault that exists (made once with rewire-cli at the KDF floor),
# under Xvfb, in a fresh HOME. The last run's window is captured to
# bin/coldstart.png to show what "the unlock prompt" was.
#
#   sh scripts/coldstart.sh          # builds bin/rewire with `make build` first
#   COLDSTART_RUNS=9 sh scripts/coldstart.sh
set -eu
cd "$(dirname "$0")/.."
runs=${COLDSTART_RUNS:-5}
make -s build >/dev/null

work=$(mktemp -d)
app= xvfb=
cleanup() {
	[ -z "$app" ] || { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; }
	[ -z "$xvfb" ] || { kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; }
	rm -rf "$work" || true
}
trap cleanup EXIT INT TERM
fail() { echo "coldstart: $*" >&2; exit 1; }

export HOME="$work/home" XDG_RUNTIME_DIR="$work/run"
unset XDG_CONFIG_HOME XDG_DATA_HOME DBUS_SESSION_BUS_ADDRESS
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export REWIRE_VAULT="$work/vault.db"
REWIRE_PASSPHRASE="cold start passphrase" ./bin/rewire-cli init --kdf-memory 64 --kdf-time 3 \
	--recovery-kit "$work/kit.txt" >/dev/null

n=${COLDSTART_DISPLAY:-120}
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=":$n" LANG=en_US.UTF-8
i=0
until xdpyinfo >/dev/null 2>&1; do
	i=$((i + 1)); [ $i -lt 100 ] || fail "Xvfb did not start"
	sleep 0.1
done

times=""
r=0
while [ $r -lt "$runs" ]; do
	r=$((r + 1))
	t0=$(date +%s%N)
	./bin/rewire >"$work/app.log" 2>&1 &
	app=$!
	until xwininfo -name Rewire 2>/dev/null | grep -q "IsViewable"; do
		kill -0 $app 2>/dev/null || { cat "$work/app.log" >&2; fail "rewire exited"; }
		[ $(( ($(date +%s%N) - t0) / 1000000 )) -lt 30000 ] || fail "no window after 30 s"
	done
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	echo "coldstart: run $r: $ms ms"
	times="$times $ms"
	if [ $r -eq "$runs" ]; then
		sleep 1
		mkdir -p bin
		import -window "$(xwininfo -name Rewire | awk '/Window id:/ {print $4}')" bin/coldstart.png
	fi
	kill $app
	wait $app 2>/dev/null || true
	app=
done
median=$(printf '%s\n' $times | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "coldstart: median of $runs: $median ms (exec to the unlock window on screen; bin/coldstart.png)"
