#!/usr/bin/env bash
# `npm test`: every check the project has, in order of cost; stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each stage's start is stamped with the seconds since the run began, so CI's log shows where the time goes.
stage() { printf '\n==== %s (at %d s) ====\n' "$1" "$SECONDS"; }
trap 'printf "\n==== done in %d s ====\n" "$SECONDS"' EXIT

stage "system deps"; bash tests/ensure-system-deps.sh
stage "typecheck";   npm run --silent typecheck
stage "lint";        npm run --silent lint
stage "unit";        npx vitest run --project unit --project nuxt
# The contract suite against the demo as it is, as DRF itself may answer (CursorPagination, coded errors, "4.20",
# carts on read), and paged by DRF's page-number and limit-offset classes: four projects, one vitest.
stage "contract (standard, drf-variants, drf-page-number, drf-limit-offset)"; npx vitest run --project 'contract*'
# Integration tests include real built servers (SSR isolation, shared Redis cache, crawler): build first.
stage "build";       npm run --silent build
stage "integration"; npx vitest run --project integration
# Hostile input and faults against the build (docs/chaos.md): its own stacks, Redis and one Chromium, ~2 min.
stage "chaos";       npx vitest run --project chaos
# Three built instances, Redis and nginx on loopback; one restarted under load (~1 min). Alone: it measures a load run.
stage "cluster";     npx vitest run --project cluster
stage "budgets";     npx tsx bench/budget.ts
stage "e2e";         npx playwright test
