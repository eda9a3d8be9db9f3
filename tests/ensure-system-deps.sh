#!/usr/bin/env bash
# Browser, Redis and nginx for the e2e, shared-cache and cluster tests, and Django REST Framework for the real-DRF
# contract run (tests/drf-real), come from Debian; install them when missing. The tests drive Chromium's headless
# shell (tests/e2e/support/chromium.ts); `--bench` also installs the full browser the benches measure.
set -euo pipefail
missing=()
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1; }
else
  [ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
  [ "${1:-}" != "--bench" ] || [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# Debian puts nginx in /usr/sbin, which a non-root PATH may lack; the cluster test looks there too.
{ [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1; } || missing+=(nginx)
/usr/bin/python3 -c 'import django, rest_framework, rest_framework_simplejwt, django_filters' >/dev/null 2>&1 \
  || missing+=(python3-django python3-djangorestframework python3-djangorestframework-simplejwt python3-django-filters)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "missing system packages: ${missing[*]} (install them with apt-get as root)" >&2
  exit 1
fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
