#!/bin/sh
# setup.sh installs what the build and tests need on Debian 12 and does nothing
# when everything is already present (checked with dpkg -s, so apt is not run
# on every `make`). Run as root or with sudo available.
set -eu

PKGS="gcc pkg-config libgl1-mesa-dev xorg-dev libasound2-dev xvfb x11-utils xdotool age imagemagick desktop-file-utils poppler-utils sqlite3"

missing=""
for p in $PKGS; do
	if ! dpkg -s "$p" >/dev/null 2>&1; then
		missing="$missing $p"
	fi
done

if [ -n "$missing" ]; then
	echo "setup: installing:$missing"
	SUDO=""
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1; then
			SUDO="sudo"
		else
			echo "setup: need root or sudo to install:$missing" >&2
			exit 1
		fi
	fi
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing
fi

if ! command -v go >/dev/null 2>&1; then
	echo "setup: Go is not installed (see README)" >&2
	exit 1
fi
go mod download
