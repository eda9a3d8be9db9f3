import { profileNamed } from '../profile'
import { DEFAULT_ACCESS_TTL_S, DEFAULT_SEED_PRODUCTS, MAX_SEED_PRODUCTS } from '../seed/constants'
import { startDemoApi } from '../testing/startDemoApi'

// `npm run demo-api`: the demo commerce API on http://${DEMO_API_HOST:-127.0.0.1}:${DEMO_API_PORT:-4010}/api
// (DEMO_API_HOST=0.0.0.0 in a container, for compose.yaml's demo profile).

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`)
  }
  return value
}

async function main(): Promise<void> {
  const port = intFromEnv('DEMO_API_PORT', 4010, 0, 65_535)
  const seedProducts = intFromEnv('DEMO_SEED_PRODUCTS', DEFAULT_SEED_PRODUCTS, 1, MAX_SEED_PRODUCTS)
  const accessTtlS = intFromEnv('DEMO_ACCESS_TTL_S', DEFAULT_ACCESS_TTL_S, 1, 31_536_000)
  // Fault injection is a dev/test tool: off in production or when explicitly disabled.
  const faults = process.env.DEMO_FAULTS !== '0' && process.env.NODE_ENV !== 'production'
  const profileName = process.env.DEMO_PROFILE || 'standard'
  const profile = { ...profileNamed(profileName), mediaBase: process.env.DEMO_MEDIA_BASE || null }
  const started = performance.now()
  const host = process.env.DEMO_API_HOST || '127.0.0.1'
  // Password reset links point here (the storefront in front of this API).
  const storefrontUrl = process.env.DEMO_STOREFRONT_URL || undefined
  const api = await startDemoApi({ host, port, seedProducts, accessTtlS, faults, profile, storefrontUrl })
  const ms = Math.round(performance.now() - started)
  console.log(`demo-api listening on ${api.url}`)
  console.error(`[demo-api] ${seedProducts} products seeded in ${ms} ms; access tokens live ${accessTtlS} s; fault injection ${faults ? 'on' : 'off'}; profile ${profileName}`)

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    console.error(`[demo-api] ${signal}: closing`)
    api.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  console.error('[demo-api] failed to start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
