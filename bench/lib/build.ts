import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// What a production build is made from: when any of it is newer than the build, the build is stale.
export const SOURCES = [
  'app.vue', 'error.vue', 'app.config.ts', 'nuxt.config.ts', 'tailwind.config.ts', 'tailwind.config.js', 'package-lock.json',
  'assets', 'components', 'composables', 'layouts', 'middleware', 'pages', 'plugins', 'public', 'server', 'services', 'stores', 'utils',
]
const BUILD_STAMP = '.output/nitro.json'
const LOCK = '/tmp/nuxt.lock'

export interface PreparedBuild {
  /** A private copy of .output, removed by dispose(). */
  outputDir: string
  /** True when this run had to build first. */
  rebuilt: boolean
  builtAt: string
  dispose(): Promise<void>
}

async function newest(path: string): Promise<{ path: string, mtimeMs: number } | null> {
  if (!existsSync(path)) return null
  const info = await stat(path)
  if (!info.isDirectory()) return { path, mtimeMs: info.mtimeMs }
  let found = { path, mtimeMs: info.mtimeMs }
  for (const entry of await readdir(path)) {
    const inner = await newest(join(path, entry))
    if (inner && inner.mtimeMs > found.mtimeMs) found = inner
  }
  return found
}

/**
 * Why the build at .output cannot be used as it is (missing, or a source changed after it), or null. The bench, and
 * the tests that start the built server, use it: an old build would pass for code it does not contain.
 */
export async function staleBuildReason(): Promise<string | null> {
  if (!existsSync(BUILD_STAMP) || !existsSync('.output/server/index.mjs')) return 'there is no build at .output/'
  const built = (await stat(BUILD_STAMP)).mtimeMs
  for (const source of SOURCES) {
    const found = await newest(source)
    if (found && found.mtimeMs > built) return `${found.path} changed after the build`
  }
  return null
}

export async function isBuildStale(): Promise<boolean> {
  return await staleBuildReason() !== null
}

/** For a test's set-up: throws with the reason when the build is missing or older than its sources. */
export async function assertFreshBuild(): Promise<void> {
  const reason = await staleBuildReason()
  if (reason) throw new Error(`The build cannot be tested: ${reason}. Run \`npm run build\` first.`)
}

/**
 * Holds the shared build lock (`flock /tmp/nuxt.lock`, the one every build, typecheck and e2e run takes)
 * until release() is called: a child `flock` holds it while its stdin is open.
 */
async function acquireBuildLock(): Promise<() => void> {
  if (!existsSync('/usr/bin/flock')) return () => {}
  const holder = spawn('/usr/bin/flock', [LOCK, 'sh', '-c', 'echo locked; cat > /dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve())
    holder.once('exit', code => reject(new Error(`flock exited with ${code}`)))
  })
  return () => holder.stdin.end()
}

function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], { stdio: ['ignore', process.stderr, process.stderr] })
    child.once('exit', code => (code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}`))))
  })
}

/** Builds when the build is missing or older than its sources, then copies it so a later rebuild cannot change it under the bench. */
export async function prepareBuild(log: (line: string) => void, buildDir?: string): Promise<PreparedBuild> {
  if (buildDir) {
    // Another build (e.g. kept from before a change): served as given, never rebuilt.
    if (!existsSync(join(buildDir, 'server/index.mjs'))) throw new Error(`no build at ${buildDir}`)
    const outputDir = await mkdtemp(join(tmpdir(), 'bench-output-'))
    await cp(buildDir, outputDir, { recursive: true })
    const builtAt = new Date((await stat(join(buildDir, 'nitro.json'))).mtimeMs).toISOString()
    return { outputDir, rebuilt: false, builtAt, dispose: () => rm(outputDir, { recursive: true, force: true }) }
  }
  const release = await acquireBuildLock()
  try {
    const rebuilt = await isBuildStale()
    if (rebuilt) {
      log('build missing or older than its sources: npm run build')
      await runBuild()
    }
    const outputDir = await mkdtemp(join(tmpdir(), 'bench-output-'))
    await cp('.output', outputDir, { recursive: true })
    const builtAt = new Date((await stat(BUILD_STAMP)).mtimeMs).toISOString()
    return { outputDir, rebuilt, builtAt, dispose: () => rm(outputDir, { recursive: true, force: true }) }
  }
  finally {
    release()
  }
}
