import { useState } from '#app'
import type { Ref } from 'vue'

/** One message for the app's live region; a new id makes a new node, so the same words are read again. */
export interface Announcement {
  id: number
  text: string
}

export interface UseAnnouncerReturn {
  /** Says `text` politely to screen readers (after what they are reading now). */
  announce: (text: string) => void
}

/** The message app.vue's one polite live region shows. Null on the server: nothing is ever announced there. */
export function useAnnouncement(): Ref<Announcement | null> {
  return useState<Announcement | null>('ui:announcement', () => null)
}

/**
 * Announcements for changes a shopper does not see happen where they are (the cart badge after "Add to cart",
 * a quantity settled at the backend). One live region for the whole app, in app.vue: regions created with their
 * message are not read by every screen reader, and several regions compete.
 */
export function useAnnouncer(): UseAnnouncerReturn {
  const current = useAnnouncement()
  return {
    announce(text) {
      if (import.meta.server || !text) return
      current.value = { id: (current.value?.id ?? 0) + 1, text }
    },
  }
}
