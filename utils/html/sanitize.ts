import DOMPurify from 'isomorphic-dompurify'

// Product descriptions are backend-authored HTML rendered with v-html. DOMPurify parses with a real HTML parser
// (the browser's, or jsdom's on the server), which is what protects against parser-differential (mXSS) tricks
// that string-based sanitizers miss. The policy is an allow-list of prose markup: no styles, forms, media or
// event handlers, and no `target` (so no reverse-tabnabbing). It is passed on every call: no global hooks or
// config on the shared instance, so one request can never change another's policy.
const POLICY = {
  ALLOWED_TAGS: [
    'p', 'br', 'hr', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sub', 'sup', 'mark', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'span',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption',
  ],
  ALLOWED_ATTR: ['href', 'title', 'colspan', 'rowspan', 'scope'],
  // A path on this site, never `//host` or `/\host` (browsers read both as another host).
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/(?![/\\])|#)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
}

/** Untrusted HTML -> HTML safe to put in v-html. Deterministic, so server and client render the same markup. */
export function sanitizeHtml(html: string): string {
  if (!html) return ''
  return DOMPurify.sanitize(html, POLICY)
}
