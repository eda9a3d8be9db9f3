import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

// Ports the kernel hands out for outgoing connections (Linux's default range when it cannot be read). A port picked
// with listen(0) comes from this same range, so between our check and the child's own listen, any connection a test
// opened could take it: an integration run met `EADDRINUSE` that way (a storefront exited, its file skipped).
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number)
    if (low && high) return [low, high]
  }
  catch {
    // Not Linux: its default.
  }
  return [32768, 60999]
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.unref()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

function anyPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

// Ports this process handed out already: two picks at once (a cluster's instances) must not be the same.
const handedOut = new Set<number>()

/**
 * A port that was free a moment ago on loopback, chosen at random below the ephemeral range, where no outgoing
 * connection can take it before the server that asked for it listens (parallel test files each pick at random;
 * one of ~20,000 ports). The kernel's choice when that range is empty or taken.
 */
export async function freePort(): Promise<number> {
  const [ephemeralLow] = ephemeralRange()
  const low = 10_000
  const high = Math.min(ephemeralLow, 65_536)
  for (let attempt = 0; high - low > 100 && attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low))
    if (handedOut.has(port)) continue
    handedOut.add(port)
    if (await canListen(port)) return port
  }
  return anyPort()
}
