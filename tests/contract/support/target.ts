import { profileNamed } from '../../mocks/profile'
import { startDemoApi } from '../../mocks/testing/startDemoApi'
import { createClient } from './http'
import type { ContractClient } from './http'

export interface ContractTarget {
  client: ContractClient
  /** True when the target has the demo's /__faults/ and /__stats/ (demo backend with fault injection on). */
  hasDemoEndpoints: boolean
  /** True when the suite started the demo API itself (data is the known seed). */
  isLocalDemo: boolean
  close(): Promise<void>
}

/**
 * The backend under test: CONTRACT_API_BASE when set (e.g. a staging backend), else an in-process demo API
 * with 10,000 products on a random port, answering as CONTRACT_DEMO_PROFILE says ("standard", or "drf-variants":
 * DRF's own CursorPagination, error bodies with codes, decimal strings, guest carts created on read).
 * Each test file gets its own target.
 */
export async function contractTarget(): Promise<ContractTarget> {
  const external = process.env.CONTRACT_API_BASE
  if (external) {
    const client = createClient(external)
    return { client, hasDemoEndpoints: await probeDemoEndpoints(client), isLocalDemo: false, close: async () => {} }
  }
  const demo = await startDemoApi({ port: 0, seedProducts: 10_000, profile: profileNamed(process.env.CONTRACT_DEMO_PROFILE) })
  const client = createClient(demo.url)
  return { client, hasDemoEndpoints: await probeDemoEndpoints(client), isLocalDemo: true, close: () => demo.close() }
}

async function probeDemoEndpoints(client: ContractClient): Promise<boolean> {
  const response = await client.call('/__stats/')
  return response.status === 200 && typeof (response.body as { total?: unknown } | undefined)?.total === 'number'
}
