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
    rules: {
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
)
