export interface UseAnnouncerReturn {
  /** Says `text` politely to screen readers (after what they are reading now). Browser only. */
  announce: (text: string) => void
}

/** The id of the app's one polite live region, rendered empty by app.vue. */
export const ANNOUNCER_ID = 'app-announcer'

function region(): HTMLElement {
  const existing = document.getElementById(ANNOUNCER_ID)
  if (existing) return existing
  // Not on this page (an error page, a component test): made on first use, and read from the next message on.
  const made = document.createElement('div')
  made.id = ANNOUNCER_ID
  made.setAttribute('role', 'status')
  made.className = 'sr-only'
  document.body.append(made)
  return made
}

/**
 * Announcements for changes a shopper does not see happen where they are (the cart badge after "Add to cart", a
 * quantity the backend settled on). One live region for the whole app: regions created together with their
 * message are not read by every screen reader, and several regions compete. app.vue renders it as static,
 * empty markup, so the first view carries no code for it; this writes into it (Vue never re-renders static
 * markup, so it does not fight over the children). Each message is a new node, so the same words are read again.
 */
export function useAnnouncer(): UseAnnouncerReturn {
  return {
    announce(text) {
      if (typeof document === 'undefined' || !text) return
      const node = document.createElement('p')
      node.textContent = text
      region().replaceChildren(node)
    },
  }
}

/** What the live region says now ('' when nothing): for tests and diagnostics. */
export function currentAnnouncement(): string {
  return typeof document === 'undefined' ? '' : document.getElementById(ANNOUNCER_ID)?.textContent ?? ''
}
