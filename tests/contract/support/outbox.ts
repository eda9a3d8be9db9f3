import type { OutboxMessageDto } from '../../../services/dto'
import type { ContractClient } from './http'

// The test-only outbox (GET /__outbox/): the demo backend's, or the real-DRF shop's locmem mail when it was started
// with DRF_REAL_TEST_OUTBOX=1. A backend without it (staging) cannot show what it emailed.

export async function hasOutbox(client: ContractClient): Promise<boolean> {
  const response = await client.call('/__outbox/')
  return response.status === 200 && Array.isArray(response.body)
}

export async function messagesTo(client: ContractClient, email: string): Promise<OutboxMessageDto[]> {
  const response = await client.call<OutboxMessageDto[]>(`/__outbox/?to=${encodeURIComponent(email)}`)
  if (response.status !== 200) throw new Error(`GET /__outbox/: ${response.status} ${response.text}`)
  return response.body
}

/** The reset link of the last email to `email`, with its uid and token. */
export async function resetLinkFor(client: ContractClient, email: string): Promise<{ link: URL, uid: string, token: string }> {
  const last = (await messagesTo(client, email)).at(-1)
  const found = last?.body.match(/https?:\/\/\S+/)?.[0]
  if (!found) throw new Error(`no reset link emailed to ${email}`)
  const link = new URL(found)
  return { link, uid: link.searchParams.get('uid') ?? '', token: link.searchParams.get('token') ?? '' }
}
