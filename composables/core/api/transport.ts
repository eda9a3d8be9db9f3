// Everything deferredClient.ts loads on first use, behind one dynamic import (so one chunk): the client with its
// retry and breaker policies (and cockatiel), error normalization, and the refresh call.
export { createApiClient } from './createApiClient'
export { refreshViaBff } from './refreshViaBff'
