# syntax=docker/dockerfile:1
# The storefront's production image: Node 20 and the built server (.output), run as the unprivileged `node` user.
#   docker build -t storefront .                      the production image (last stage, `runtime`)
#   docker build --target demo-api -t storefront-demo-api .   the demo backend, for compose.yaml's `demo` profile
# Deploying it: README "Deploy" and docs/deployment.md.

ARG NODE_IMAGE=node:20.20-bookworm-slim

# 1. Build: every dependency (dev ones included), then `nuxt build`.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# CI=true: no prompts or progress output from npm and nuxi.
ENV NUXT_TELEMETRY_DISABLED=1 CI=true
# The lock first, so a change to the sources does not reinstall dependencies. No dependency install scripts run, as on
# the team's machines; our own postinstall (`nuxt prepare`) runs once the sources are in.
COPY package.json package-lock.json .nuxtrc ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx nuxt prepare && npm run build

# 2. The demo backend (tests/mocks), to try the stack without a real one. Never part of a production deployment.
FROM build AS demo-api
ENV NODE_ENV=production DEMO_API_HOST=0.0.0.0 DEMO_API_PORT=4010
USER node
EXPOSE 4010
CMD ["node", "--import", "tsx", "tests/mocks/cli/serve.ts"]

# 3. Run: Node and .output, nothing else. Nitro bundles the server's dependencies into .output/server/node_modules.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
# A 32 MB young generation (V8's default semi-space is 16 MB): a server render allocates ~3.5 MB, and with the
# default the scavenger ran so often that garbage collection took ~17 % of a render's CPU. -8 to -10 % CPU per
# uncached render for up to ~50 MB more heap (docs/benchmarks.md, issue 20). The same in `npm start` and the bench.
ENV NODE_OPTIONS=--max-semi-space-size=32
WORKDIR /app
# Owned by root, read-only to the process: it cannot change its own code. It writes nothing to disk.
COPY --from=build /app/.output ./.output
USER node
EXPOSE 3000
# Liveness only (/healthz); an orchestrator that routes traffic asks /readyz (docs/deployment.md).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node itself receives SIGTERM and drains (server/plugins/lifecycle.ts), then exits 0.
STOPSIGNAL SIGTERM
CMD ["node", ".output/server/index.mjs"]
