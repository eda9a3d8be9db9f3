import { setupServer } from 'msw/node'
import { createDemoBackend } from '../createDemoBackend'
import type { DemoBackend, DemoBackendOptions } from '../createDemoBackend'

/** The base URL integration tests point the storefront at when the demo backend runs inside msw/node. */
export const TEST_API_BASE = 'http://backend.test/api'

export interface DemoMswServer {
  server: ReturnType<typeof setupServer>
  backend: DemoBackend
  /** Base URL the handlers answer on (no trailing slash). */
  baseUrl: string
}

/**
 * msw/node over the demo backend. Typical use in a test file:
 *   const demo = createDemoMswServer({ seedProducts: 500 })
 *   beforeAll(() => demo.server.listen({ onUnhandledRequest: 'error' }))
 *   afterEach(() => { demo.server.resetHandlers(); demo.backend.reset() })
 *   afterAll(() => demo.server.close())
 */
export function createDemoMswServer(options: Partial<DemoBackendOptions> = {}): DemoMswServer {
  const baseUrl = (options.baseUrl ?? TEST_API_BASE).replace(/\/+$/, '')
  const backend = createDemoBackend({ ...options, baseUrl })
  return { server: setupServer(...backend.handlers), backend, baseUrl }
}
