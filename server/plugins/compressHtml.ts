import { getRequestHeader } from 'h3'
import { defineNitroPlugin } from 'nitropack/runtime'
import { chooseEncoding, compress } from '../utils/compression'
import { RENDER_HEADER } from '../utils/pageCache/renderAnonymously'

// Below this, compressing saves less than it costs.
const MIN_BYTES = 1024

/**
 * Pages rendered for one request go out compressed too: a signed-in shopper's listing, the cart, the account.
 * (Shared pages are compressed once by the page cache middleware, which serves them before rendering is reached.)
 * Not the page cache's own renders: it stores text and compresses per request itself.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:response', async (response, { event }) => {
    if (typeof response.body !== 'string' || response.body.length < MIN_BYTES) return
    if (getRequestHeader(event, RENDER_HEADER) !== undefined) return
    // Nuxt's error handler renders the error page through an internal request and re-sends its body as text:
    // compressed bytes would be mangled, and every 404/500 page would reach the browser undecodable.
    if (event.path.startsWith('/__nuxt_error')) return
    const headers = response.headers ?? {}
    if (Object.keys(headers).some(name => name.toLowerCase() === 'content-encoding')) return
    const encoding = chooseEncoding(getRequestHeader(event, 'accept-encoding'))
    if (!encoding) return
    response.body = await compress(response.body, encoding)
    response.headers = { ...headers, 'content-encoding': encoding, 'vary': 'accept-encoding' }
  })
})
