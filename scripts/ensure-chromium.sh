#!/usr/bin/env bash
# Install Debian's chromium and chromium-driver when missing (the web view's
# browser tests drive /usr/bin/chromium through /usr/bin/chromedriver; no
# browser download).
set -eu
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "installing chromium and chromium-driver (apt-get)" >&2
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]
