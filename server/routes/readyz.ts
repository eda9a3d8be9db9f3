import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3'
import '../utils/lifecycle/context'

// Readiness: 200 when this instance can serve (backend and, when configured, Redis answered within the timeout),
// 503 when not, and 503 from the moment it is asked to shut down, so a balancer that routes on it stops sending.
// A 503 is set, not thrown: a dependency's outage is not this server's error to report to monitoring.
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store')
  const lifecycle = event.context.lifecycle
  if (lifecycle?.shutdown.draining) {
    setResponseStatus(event, 503)
    return { status: 'draining' }
  }
  const report = lifecycle ? await lifecycle.readiness.report() : { ready: false, checks: {} }
  if (!report.ready) setResponseStatus(event, 503)
  return { status: report.ready ? 'ready' : 'unready', checks: report.checks }
})
