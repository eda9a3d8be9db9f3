#!/usr/bin/env bash
# The storefront's contract against a real Django REST Framework backend (README.md here):
# installs Debian's Django/DRF/SimpleJWT/django-filter if missing, starts this backend on a free port with a fresh
# SQLite, re-captures fixtures/ and compares them with the committed ones, runs the contract suite's catalog, auth,
# pagination, wishlist, cart, orders (shipping methods, checkout), password reset and set password files against it, and stops it. A stage of
# `npm test` (tests/run-all.sh), so CI runs it.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PYTHON=${DRF_REAL_PYTHON:-/usr/bin/python3}
PACKAGES="python3-django python3-djangorestframework python3-djangorestframework-simplejwt python3-django-filters"
started=$SECONDS

if ! "$PYTHON" -c 'import django, rest_framework, rest_framework_simplejwt, django_filters' 2>/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then echo "drf-real: missing Debian packages; run as root or: apt-get install -y $PACKAGES" >&2; exit 1; fi
  echo "drf-real: installing $PACKAGES"
  apt-get install -y -q $PACKAGES >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q $PACKAGES >/dev/null; }
fi

free_port() { "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
DATA=$(mktemp -d /tmp/drf-real.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$DATA"
}
trap cleanup EXIT

# $1: name, $2: port, rest: env. Logs in $DATA/<name>.log.
start() {
  local name=$1 port=$2; shift 2
  env "$@" PORT="$port" DRF_REAL_DATA="$DATA/$name" "$HERE/serve.sh" >"$DATA/$name.log" 2>&1 &
  pids+=($!)
}
wait_ready() {
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$1/api/categories/" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "drf-real: backend on port $1 did not start" >&2; cat "$DATA"/*.log >&2; return 1
}

PORT=$(free_port)
THROTTLED_PORT=$(free_port)
# DRF_REAL_TEST_OUTBOX: /api/__outbox/ shows the reset emails (the password reset contract tests read their links).
start main "$PORT" DRF_REAL_TEST_OUTBOX=1 DRF_REAL_TEST_PRODUCTS=1
# A second instance whose sign-in throttle is tiny, only to capture DRF's 429.
start throttled "$THROTTLED_PORT" DRF_REAL_AUTH_RATE=2/min DRF_REAL_PRODUCTS=20
wait_ready "$PORT"
wait_ready "$THROTTLED_PORT"
echo "drf-real: backends up after $((SECONDS - started)) s (port $PORT)"

status=0
"$PYTHON" "$HERE/capture.py" "http://127.0.0.1:$PORT/api" "$DATA/fixtures" "http://127.0.0.1:$THROTTLED_PORT/api" >/dev/null
if ! "$PYTHON" "$HERE/compare_fixtures.py" "$HERE/fixtures" "$DATA/fixtures"; then
  echo "drf-real: DRF answers differ from fixtures/ (re-capture with capture.py and review the diff)" >&2
  status=1
fi

cd "$ROOT"
CONTRACT_API_BASE="http://127.0.0.1:$PORT/api" npx vitest run --project contract \
  tests/contract/catalog.test.ts tests/contract/auth.test.ts tests/contract/pagination.test.ts tests/contract/wishlist.test.ts tests/contract/cart.test.ts \
  tests/contract/orders.test.ts tests/contract/passwordReset.test.ts tests/contract/setPassword.test.ts || status=1
# Deletes products: alone and last, so no other file's product goes under it (DRF_REAL_TEST_PRODUCTS above).
CONTRACT_API_BASE="http://127.0.0.1:$PORT/api" CONTRACT_DELETE_PRODUCTS=1 npx vitest run --project contract \
  tests/contract/productGone.test.ts || status=1
echo "drf-real: done in $((SECONDS - started)) s (exit $status)"
exit $status
