import type { RenderedPage } from './pageCache'

/** Marks the page cache's own render requests, so the middleware lets them through to the renderer. */
export const RENDER_HEADER = 'x-sf-page-render'

export type LocalFetch = (url: string, init: { headers: Record<string, string> }) => Promise<Response>

export interface AnonymousRenderOptions {
  /** The site's public origin (runtimeConfig.public.siteUrl): absolute URLs in a shared page must not come from a request's Host header. */
  siteUrl: string
  /** A per-process secret for RENDER_HEADER; a client sending the header without it gets no special treatment. */
  token: string
}

/**
 * Renders a page in-process as a shopper without cookies would see it: the only input is the URL, so
 * the result can be shared. Nothing from the triggering request (cookies, Host, language) goes in.
 */
export async function renderAnonymously(localFetch: LocalFetch, url: string, options: AnonymousRenderOptions): Promise<RenderedPage> {
  const site = new URL(options.siteUrl)
  const response = await localFetch(url, {
    headers: {
      'host': site.host,
      'x-forwarded-proto': site.protocol.replace(':', ''),
      'accept': 'text/html',
      [RENDER_HEADER]: options.token,
    },
  })
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  return { status: response.status, headers, body: await response.text() }
}
