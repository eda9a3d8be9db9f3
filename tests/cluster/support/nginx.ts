import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** The one nginx configuration: compose.yaml mounts it, this test runs it with local addresses. */
export const NGINX_SNIPPET = resolve(process.cwd(), 'deploy/nginx/storefront.conf')

/** Debian's nginx lives in /usr/sbin, which a non-root PATH may not list. */
function nginxBinary(): string {
  return existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx'
}

export interface NginxAddresses {
  /** Ports of the instances, in the order of storefront-1, -2, -3. */
  upstreamPorts: number[]
  port: number
  accessLog: string
}

/**
 * The committed snippet with compose's names replaced by loopback addresses: `storefront-N:3000` by
 * `127.0.0.1:<port N>`, `listen 8080` by the test's port, the access log by a file. Anything else stays as committed;
 * a replacement that finds nothing to replace is an error, so the snippet and this test cannot drift apart.
 */
export function localNginxSnippet(snippet: string, addresses: NginxAddresses): string {
  const replacements: Array<[string, string]> = [
    ...addresses.upstreamPorts.map((port, i): [string, string] => [`server storefront-${i + 1}:3000 `, `server 127.0.0.1:${port} `]),
    ['listen 8080;', `listen 127.0.0.1:${addresses.port};`],
    ['access_log /var/log/nginx/access.log storefront;', `access_log ${addresses.accessLog} storefront;`],
  ]
  let config = snippet
  for (const [from, to] of replacements) {
    if (!config.includes(from)) throw new Error(`deploy/nginx/storefront.conf no longer contains "${from}"`)
    config = config.replace(from, to)
  }
  if (/storefront-\d+:3000/.test(config)) throw new Error('deploy/nginx/storefront.conf names more instances than the test starts')
  return config
}

/** What nginx needs around the snippet to run unprivileged in a temporary folder (the image's nginx.conf, in short). */
function mainConfig(dir: string): string {
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`
  return [
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp),
    `  include ${join(dir, 'storefront.conf')};`,
    '}',
    '',
  ].join('\n')
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      done(true)
    })
    socket.once('error', () => done(false))
  })
}

export interface RunningNginx {
  url: string
  /** The access log so far, one parsed line per request. */
  accessLog(): Promise<AccessLine[]>
  errorLog(): Promise<string>
  stop(): Promise<void>
}

export interface AccessLine {
  request: string
  status: number
  /** Every instance nginx tried, in order: more than one means it passed the request on. */
  upstreams: string[]
  upstreamStatuses: string[]
}

function parseAccessLine(line: string): AccessLine {
  const request = /"([^"]*)"/.exec(line)?.[1] ?? ''
  const status = Number(/" (\d{3}) /.exec(line)?.[1])
  const list = (name: string) => (new RegExp(`${name}=(.*?) \\w+=`).exec(line)?.[1] ?? '').split(/,\s*|\s+:\s+/).map(part => part.trim()).filter(Boolean)
  return { request, status, upstreams: list('upstream'), upstreamStatuses: list('ustatus') }
}

/** nginx with the committed snippet on `port`, in front of the given instance ports. */
export async function startNginx(upstreamPorts: number[], port: number): Promise<RunningNginx> {
  const dir = await mkdtemp(join(tmpdir(), 'storefront-nginx-'))
  // Run as root, nginx's workers are another user: they must reach the temp folders the master makes for them
  // (a response larger than the proxy buffers is spooled there).
  await chmod(dir, 0o755)
  const accessLog = join(dir, 'access.log')
  const snippet = await readFile(NGINX_SNIPPET, 'utf8')
  await writeFile(join(dir, 'storefront.conf'), localNginxSnippet(snippet, { upstreamPorts, port, accessLog }))
  await writeFile(join(dir, 'nginx.conf'), mainConfig(dir))
  const child = spawn(nginxBinary(), ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>(done => child.once('exit', () => done()))
  const deadline = Date.now() + 15_000
  while (!await accepts(port)) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${output}`)
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}:\n${output}`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async accessLog() {
      const text = existsSync(accessLog) ? await readFile(accessLog, 'utf8') : ''
      return text.split('\n').filter(Boolean).map(parseAccessLine)
    },
    errorLog: () => readFile(join(dir, 'error.log'), 'utf8').catch(() => ''),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await exited
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}
