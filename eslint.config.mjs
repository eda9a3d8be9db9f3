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
    // The worker fixture sets the backend's address after a fresh worker has loaded its first spec: a read at a
    // spec's top level saw nothing there, and CI failed every checkout spec after a worker restart.
    files: ['tests/e2e/**/*.ts'],
    ignores: ['tests/e2e/support/apiBase.ts', 'tests/e2e/support/test.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='E2E_API_BASE']", message: 'Call workerApiBase() from tests/e2e/support/apiBase.ts when a test runs.' }],
    },
  },
  {
    rules: {
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
)
