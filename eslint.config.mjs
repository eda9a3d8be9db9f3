import withNuxt from './.nuxt/eslint.config.mjs'

export default withNuxt(
  {
    ignores: ['services/dto/openapi.ts', 'bench/.tmp/**', 'playwright-report/**', 'test-results/**'],
  },
  {
    // A focused, skipped or "later" test leaves the suite green while it checks less: none is ever committed.
    // (vitest.config.ts refuses `.only` at run time too; Playwright's forbidOnly does the same.)
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error',
        ...['describe', 'it', 'test', 'suite'].flatMap(object => ['only', 'skip', 'todo', 'fixme', 'skipIf'].map(property => ({
          object, property, message: 'Commit no focused, skipped or unfinished tests.',
        }))),
      ],
    },
  },
  {
    // Each Playwright worker has its own demo backend and storefront, started by the `test` of tests/e2e/support/test.ts:
    // a spec on Playwright's own `test` would have neither (no baseURL, no E2E_API_BASE).
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: '@playwright/test', importNames: ['test'], message: 'Import test (and expect) from tests/e2e/support/test.ts.' }],
      }],
    },
  },
  {
    rules: {
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
)
