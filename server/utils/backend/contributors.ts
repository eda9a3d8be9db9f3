import type { H3Event } from 'h3'

/** One backend call as a contributor sees it, whichever way it came (the /api proxy or a server render). */
export interface ContributedCall {
  /** The shopper's request: the /api request for the proxy, the page request for a render. Read its cookies here. */
  event: H3Event
  method: string
  /** Backend path and query, already checked ("/cart/items/?x=1"). */
  path: string
  /** The outgoing headers, after the header policy; add to them, never copy a cookie into them. */
  headers: Headers
  via: 'proxy' | 'render'
}

/** What a contributor wants done with a call. */
export type ContributorPlan =
  | undefined
  /** Answer this instead of calling the backend (e.g. a path only the BFF may call, a failed CSRF check). */
  | { refuse: { status: number, body: Record<string, unknown> } }
  /** See the backend's answer first: write cookies from it, strip what the shopper must not see. */
  | { transformResponse: (response: Response) => Promise<Response> }

/**
 * A per-shopper policy that takes part in every backend call: adds headers derived from the shopper's request
 * (e.g. `X-Cart-Token` from an httpOnly cookie) and reads or rewrites the answer (e.g. captures the cart token
 * into that cookie and removes it). Never consulted for shared public reads (server/utils/backend/publicReads.ts),
 * which are sent without anything that depends on who asks.
 */
export interface BackendCallContributor {
  name: string
  prepare(call: ContributedCall): ContributorPlan | Promise<ContributorPlan>
}

/** Runs the contributors in order; the first refusal wins, response transforms apply in the same order. */
export async function applyContributors(contributors: readonly BackendCallContributor[], call: ContributedCall): Promise<{ refuse?: { status: number, body: Record<string, unknown> }, transforms: ((response: Response) => Promise<Response>)[] }> {
  const transforms: ((response: Response) => Promise<Response>)[] = []
  for (const contributor of contributors) {
    const plan = await contributor.prepare(call)
    if (!plan) continue
    if ('refuse' in plan) return { refuse: plan.refuse, transforms }
    transforms.push(plan.transformResponse)
  }
  return { transforms }
}
