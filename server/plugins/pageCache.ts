import { randomUUID } from 'node:crypto'
import { getResponseHeader, removeResponseHeader, setResponseHeader } from 'h3'
import { defineNitroPlugin, useRuntimeConfig, useStorage } from 'nitropack/runtime'
import { createCompressedBodies } from '../utils/pageCache/compressedBodies'
import { createPageCache } from '../utils/pageCache/pageCache'
import { renderAnonymously, type LocalFetch } from '../utils/pageCache/renderAnonymously'
import { PRIVATE_CACHE_CONTROL } from '../utils/pageCache/policy'
import '../utils/pageCache/context'

// One page cache per server process; server/middleware/pageCache.ts decides per request whether to use it.
export default defineNitroPlugin((nitroApp) => {
  const { public: { siteUrl } } = useRuntimeConfig()
  const renderToken = randomUUID()
  const localFetch = nitroApp.localFetch as unknown as LocalFetch
  const cache = createPageCache({
    storage: useStorage('cache'),
    render: url => renderAnonymously(localFetch, url, { siteUrl: String(siteUrl), token: renderToken }),
  })

  const compressed = createCompressedBodies()

  nitroApp.hooks.hook('request', (event) => {
    event.context.pageCache = { cache, renderToken, compressed }
  })

  // Whatever produced it, a response that sets a cookie is for one browser only.
  nitroApp.hooks.hook('beforeResponse', (event) => {
    // A response already on its way (a sign-out's 204, sent at once) had its headers set by its handler, which
    // marks every such one no-store; setting them now would throw and turn a sign-out into a logged server error.
    if (event.node.res.headersSent || getResponseHeader(event, 'set-cookie') === undefined) return
    setResponseHeader(event, 'cache-control', PRIVATE_CACHE_CONTROL)
    removeResponseHeader(event, 'cdn-cache-control')
  })
})
