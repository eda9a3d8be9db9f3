import { defineEventHandler, setResponseHeader } from 'h3'

// Liveness: the process runs and its event loop answers. Nothing else is asked, so a dependency's outage never gets
// a healthy instance restarted; it stays 200 while draining (the instance is finishing requests, not stuck).
export default defineEventHandler((event) => {
  setResponseHeader(event, 'cache-control', 'no-store')
  return { status: 'ok' }
})
