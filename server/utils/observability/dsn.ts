/** The parts of a Sentry DSN (`https://<publicKey>@<host>[/<path>]/<projectId>`) the tunnel needs. */
export interface ParsedDsn {
  publicKey: string
  projectId: string
  /** Where envelopes for this project go: `<protocol>//<host>[/<path>]/api/<projectId>/envelope/`. */
  envelopeUrl: string
}

export function parseDsn(dsn: string): ParsedDsn | null {
  let url: URL
  try {
    url = new URL(dsn)
  }
  catch {
    return null
  }
  const segments = url.pathname.split('/').filter(Boolean)
  const projectId = segments.pop()
  if (!url.username || !projectId || !/^\d+$/.test(projectId) || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null
  const prefix = segments.length ? `/${segments.join('/')}` : ''
  return { publicKey: url.username, projectId, envelopeUrl: `${url.protocol}//${url.host}${prefix}/api/${projectId}/envelope/` }
}

/** True when an envelope header's `dsn` names the same project and key as ours (host aside: the SDK may be older). */
export function sameProject(dsn: unknown, ours: ParsedDsn): boolean {
  if (typeof dsn !== 'string') return false
  const theirs = parseDsn(dsn)
  return theirs !== null && theirs.publicKey === ours.publicKey && theirs.projectId === ours.projectId
}
