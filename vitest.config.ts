import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { defineVitestProject } from '@nuxt/test-utils/config'
import vue from '@vitejs/plugin-vue'

const root = fileURLToPath(new URL('.', import.meta.url))
const alias = { '~': root, '@': root, '~~': root }

// Six suites, run separately by the npm scripts and all together by `npm test`:
// unit (no network, no Nuxt), nuxt (components/composables inside a Nuxt runtime),
// integration (msw/node or real local servers), chaos (hostile input and faults against the built app),
// contract (the backend contract, any base URL).
// The setup files put the transport entry points (useApi, useApiSession) behind tests/support/installedApi.ts,
// so a test installs a fake or real ApiClient with useFakeApi()/installApi() instead of mocking modules itself.
// allowOnly: false in every project, because vitest allows `.only` unless CI is set and .ci/run does not set it.
export default defineConfig({
  test: {
    allowOnly: false,
    projects: [
      {
        plugins: [vue()],
        resolve: { alias },
        test: { allowOnly: false, name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/support/setup/unit.ts'] },
      },
      await defineVitestProject({
        test: { allowOnly: false, name: 'nuxt', include: ['tests/nuxt/**/*.test.ts'], environment: 'nuxt', setupFiles: ['tests/support/setup/nuxt.ts'] },
      }),
      {
        resolve: { alias },
        test: { allowOnly: false, name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', setupFiles: ['tests/support/setup/unit.ts'], testTimeout: 120_000, hookTimeout: 180_000 },
      },
      {
        // Several built instances, Redis and nginx under load (tests/cluster): its own stage, run alone.
        resolve: { alias },
        test: { allowOnly: false, name: 'cluster', include: ['tests/cluster/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 120_000 },
      },
      {
        resolve: { alias },
        // Hostile input and faults (docs/chaos.md): built servers, Redis, thousands of requests. Each file starts its
        // own stack on free ports, so two run at once (npm test: one per CPU); the only times they assert are bounds
        // on a hung render (4-6 s for answers of ~3 s), which hold with two files competing.
        test: { allowOnly: false, name: 'chaos', include: ['tests/chaos/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 180_000 },
      },
      {
        resolve: { alias },
        test: { allowOnly: false, name: 'contract', include: ['tests/contract/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 60_000 },
      },
      // The same suite against the in-process demo answering as DRF itself may (CursorPagination, coded errors,
      // "4.20", carts on read), and paged by DRF's other two pagination classes. One project each, so `npm test`
      // runs all four in one vitest (`--project 'contract*'`): one start-up instead of four.
      ...(['drf-variants', 'drf-page-number', 'drf-limit-offset'] as const).map(profile => ({
        resolve: { alias },
        test: {
          allowOnly: false,
          name: `contract-${profile}`,
          include: ['tests/contract/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          env: { CONTRACT_DEMO_PROFILE: profile },
        },
      })),
    ],
  },
})
