import { expect, vi } from 'vitest'

/** What the document head says, read the way a crawler would. */
export interface HeadView {
  title: string
  meta: (nameOrProperty: string) => string | null
  link: (rel: string) => string | null
  jsonLd: (type: string) => Record<string, unknown> | undefined
}

function view(): HeadView {
  const head = document.head
  return {
    title: document.title,
    meta: key => head.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content') ?? null,
    link: rel => head.querySelector(`link[rel="${rel}"]`)?.getAttribute('href') ?? null,
    jsonLd: type => [...head.querySelectorAll('script[type="application/ld+json"]')]
      .map(script => JSON.parse(script.textContent ?? '{}') as Record<string, unknown>)
      .find(data => data['@type'] === type),
  }
}

/** The head once `ready` holds for it (the head is written to the document asynchronously). */
export async function renderedHead(ready: (head: HeadView) => boolean): Promise<HeadView> {
  await vi.waitFor(() => expect(ready(view())).toBe(true))
  return view()
}
