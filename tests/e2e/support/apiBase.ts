/**
 * The running worker's demo backend, e.g. "http://127.0.0.1:41235/api". The worker fixture (support/test.ts) sets it
 * before its first test, which is after the worker has loaded the spec: read it when a test runs, never at a spec's
 * top level, or the first spec a fresh worker loads sees nothing.
 */
export function workerApiBase(): string {
  const base = process.env.E2E_API_BASE
  if (!base) throw new Error('E2E_API_BASE is set by the worker fixture in tests/e2e/support/test.ts, before each worker\'s first test')
  return base
}
