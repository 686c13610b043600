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

NAME=coldstart DISPLAY_FROM=${COLDSTART_DISPLAY:-120} PASS="cold start passphrase"
. scripts/xvfb-session.sh

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
