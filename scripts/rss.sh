#!/bin/sh
# rss.sh measures the real app's memory, as a user would run it: bin/rewire
# (the release build) under Xvfb on a vault of 10 022 demo records (2 893
# days of use, the issue's 10k vault), made once with rewire-cli at the KDF
# floor. It waits for the unlock screen, types the passphrase with xdotool,
# presses Enter, waits for Today, opens the journal (Ctrl+2) and scrolls its
# list with the mouse wheel, and prints the process's resident set at each step from
# /proc: VmHWM (the peak so far), RssAnon (heap, GL buffers, SQLite) and
# RssFile (the binary and shared libraries mapped in; Mesa's software
# renderer under Xvfb maps LLVM). Screens go to bin/rss-*.png.
#
#   sh scripts/rss.sh               # builds bin/rewire with `make build` first
#   RSS_ENTRIES=10000 sh scripts/rss.sh
set -eu
cd "$(dirname "$0")/.."
entries=${RSS_ENTRIES:-2893}
make -s build >/dev/null

NAME=rss DISPLAY_FROM=${RSS_DISPLAY:-130} PASS="rss measurement passphrase"
. scripts/xvfb-session.sh
REWIRE_PASSPHRASE="$PASS" ./bin/rewire-cli gen --entries "$entries" 2>&1 | tail -1

./bin/rewire >"$work/app.log" 2>&1 &
app=$!

# mib FIELD: a kB field of the app's /proc status, in MiB.
mib() { awk -v f="$1:" '$1 == f {printf "%.0f", $2 / 1024}' "/proc/$app/status"; }
# settle waits until the resident set stops changing for a second (at most 20 s).
settle() {
	last=-1 same=0 i=0
	while [ $same -lt 5 ] && [ $i -lt 100 ]; do
		kill -0 $app 2>/dev/null || { cat "$work/app.log" >&2; fail "rewire exited"; }
		now=$(mib VmRSS)
		if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; fi
		last=$now i=$((i + 1))
		sleep 0.2
	done
}
report() {
	printf 'rss: %-40s peak %4s MiB  now %4s MiB  (anon %4s, file %4s)\n' \
		"$1" "$(mib VmHWM)" "$(mib VmRSS)" "$(mib RssAnon)" "$(mib RssFile)"
}
shot() { import -window "$win" "bin/rss-$1.png"; }

i=0
until xwininfo -name Rewire 2>/dev/null | grep -q "IsViewable"; do
	i=$((i + 1)); [ $i -lt 300 ] || fail "no window after 30 s"
	kill -0 $app 2>/dev/null || { cat "$work/app.log" >&2; fail "rewire exited"; }
	sleep 0.1
done
win=$(xwininfo -name Rewire 2>/dev/null | awk '/Window id:/ {print $4}')
mkdir -p bin
settle
report "unlock screen"
shot unlock

xdotool windowfocus --sync "$win" 2>/dev/null || true
xdotool type --delay 15 "$PASS"
xdotool key Return
settle
report "Today, after Argon2id and decrypting"
shot today

xdotool key ctrl+2
settle
# The wheel over the list (the journal's left column): 300 notches.
xdotool mousemove --window "$win" 300 400 click --repeat 300 --delay 5 5
settle
report "journal list scrolled"
shot journal
echo "rss: $entries entries; screens in bin/rss-{unlock,today,journal}.png"
