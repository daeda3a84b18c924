#!/usr/bin/env bash
# Install redis-server from Debian's packages when it is missing (tests start
# their own instance on 127.0.0.1; nothing is left running).
set -eu
command -v redis-server >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "installing redis-server (apt-get)" >&2
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
# Debian starts a system service on install; the tests use their own.
($SUDO systemctl stop redis-server 2>/dev/null || $SUDO service redis-server stop 2>/dev/null || true) >/dev/null 2>&1
command -v redis-server >/dev/null
