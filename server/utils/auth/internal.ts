import type { H3Event } from 'h3'

/**
 * True for a request our own server code made in-process (useRequestFetch / event.$fetch during SSR).
 * Nitro serves those through a mock IncomingMessage that carries the caller's context as `__unenv__`;
 * a request from the network arrives on a real socket and never has it. A browser cannot forge this.
 */
export function isInternalRequest(event: H3Event): boolean {
  return '__unenv__' in event.node.req
}
