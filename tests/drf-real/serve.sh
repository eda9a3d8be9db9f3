#!/usr/bin/env bash
# Starts the real-DRF backend (Debian's Django 3.2 / DRF 3.14 / SimpleJWT 5.2) on $PORT (default 8765):
# a fresh SQLite database in DRF_REAL_DATA (default: a new temp dir), migrated and seeded, then Django's runserver.
# Debian's packages live in /usr/bin/python3's dist-packages, not in a pyenv/venv python: use that one.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${DRF_REAL_PYTHON:-/usr/bin/python3}
export DRF_REAL_DATA=${DRF_REAL_DATA:-$(mktemp -d /tmp/drf-real.XXXXXX)}
PORT=${PORT:-8765}
"$PYTHON" manage.py migrate --no-input >/dev/null
"$PYTHON" manage.py seed --products "${DRF_REAL_PRODUCTS:-2000}"
exec "$PYTHON" manage.py runserver --noreload "127.0.0.1:$PORT"
