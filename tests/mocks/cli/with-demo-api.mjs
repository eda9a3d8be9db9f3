#!/usr/bin/env node
// Runs a storefront command (`nuxt dev`, the built server) next to the demo backend.
// When NUXT_API_BASE is set, the demo backend is not started: the storefront talks to that backend.
import { spawn } from 'node:child_process'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: with-demo-api.mjs <command> [args...]')
  process.exit(2)
}

const env = { ...process.env }
let demo = null

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    }
    catch { /* not listening yet */ }
    if (demo?.exitCode !== null && demo?.exitCode !== undefined) throw new Error(`demo-api exited with ${demo.exitCode}`)
    await new Promise(resolve => setTimeout(resolve, 150))
  }
  throw new Error(`demo-api did not become healthy at ${url} within ${timeoutMs} ms`)
}

if (!env.NUXT_API_BASE) {
  const port = env.DEMO_API_PORT || '4010'
  env.DEMO_API_PORT = port
  // Password reset links in the demo outbox open this storefront.
  env.DEMO_STOREFRONT_URL ||= env.NUXT_PUBLIC_SITE_URL || `http://localhost:${env.PORT || '3000'}`
  // Spawn node itself (not npm/npx, which do not pass SIGTERM on) so stopping us stops the demo backend.
  demo = spawn(process.execPath, ['--import', 'tsx', 'tests/mocks/cli/serve.ts'], { stdio: 'inherit', env })
  env.NUXT_API_BASE = `http://127.0.0.1:${port}/api`
  await waitForHealth(`${env.NUXT_API_BASE}/__health/`, 30_000)
}

const app = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' })

function stop(signal) {
  app.kill(signal)
  demo?.kill(signal)
}
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))
app.on('exit', (code, signal) => {
  demo?.kill('SIGTERM')
  process.exit(code ?? (signal ? 1 : 0))
})
demo?.on('exit', (code) => {
  if (app.exitCode === null) {
    console.error(`demo-api stopped (exit ${code}); stopping the storefront too`)
    app.kill('SIGTERM')
  }
})
