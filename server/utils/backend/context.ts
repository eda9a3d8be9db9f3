import type { BackendGateway } from './gateway'

declare module 'h3' {
  interface H3EventContext {
    /** The process's backend gateway (server/plugins/backend.ts): the /api proxy and server renders use it. */
    backend?: BackendGateway
  }
}
