import { createHash } from 'node:crypto'

/** Storage keys name tokens by hash: a dump of the storage does not hand out usable tokens as keys. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
