import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { measured, notMeasured, type Outcome } from './outcome'

export interface ExternalContext {
  webUrl: string
  apiBase: string
  /** The private build copy the stack serves. */
  outputDir: string
}

export interface ExternalResult {
  script: string
  data: unknown
}

/**
 * Runs a measurement another feature owns (bench/catalog, bench/search) as its own process with the running
 * stack in env (BENCH_WEB_URL, BENCH_API_BASE, BENCH_OUTPUT_DIR), and takes the JSON it reports: from the file
 * it was told to write (BENCH_JSON, or `args`), else stdout if it is JSON, else stdout's last JSON line. A script that is missing is "not measured", never a crash.
 */
/** The JSON object in `text`, or undefined (a stray number or string on stdout is not a report). */
function parseJson(text: string): object | undefined {
  try {
    const value = JSON.parse(text) as unknown
    return typeof value === 'object' && value !== null ? value : undefined
  }
  catch {
    return undefined
  }
}

export interface ExternalOptions {
  timeoutMs: number
  /** Command-line arguments, given the path the script should write its JSON to (e.g. `['--out', path]`). */
  args?: (jsonPath: string) => string[]
}

export async function runExternal(candidates: string[], context: ExternalContext, options: ExternalOptions): Promise<Outcome<ExternalResult>> {
  const { timeoutMs } = options
  const script = candidates.find(path => existsSync(path))
  if (!script) return notMeasured(`no script yet (looked for ${candidates.join(', ')})`)
  const jsonPath = join(tmpdir(), `bench-${process.pid}-${Date.now()}.json`)
  const env = {
    ...process.env,
    BENCH_WEB_URL: context.webUrl,
    BENCH_API_BASE: context.apiBase,
    BENCH_OUTPUT_DIR: context.outputDir,
    BENCH_JSON: jsonPath,
  }
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, ...(options.args?.(jsonPath) ?? [])], { env, stdio: ['ignore', 'pipe', 'inherit'] })
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString('utf8') })
      const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs)
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        if (code === 0) resolve(out)
        else reject(new Error(`${script} exited with ${signal ?? code}${signal ? ` after ${timeoutMs} ms` : ''}`))
      })
    })
    if (existsSync(jsonPath)) return measured({ script, data: JSON.parse(await readFile(jsonPath, 'utf8')) as unknown })
    const whole = parseJson(stdout.trim())
    if (whole !== undefined) return measured({ script, data: whole })
    const line = stdout.trim().split('\n').reverse().find(text => parseJson(text) !== undefined)
    if (line === undefined) return notMeasured(`${script} printed no JSON`)
    return measured({ script, data: JSON.parse(line) as unknown })
  }
  catch (error) {
    return notMeasured(error instanceof Error ? error.message : String(error))
  }
  finally {
    await rm(jsonPath, { force: true })
  }
}
