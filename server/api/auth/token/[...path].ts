import { defineEventHandler, setResponseStatus } from 'h3'

// The backend's token endpoints answer with refresh tokens in the body. The browser must never hold one, so
// the catch-all /api proxy must not reach them: the BFF routes next to this folder are the only way in.
export default defineEventHandler((event) => {
  setResponseStatus(event, 404)
  return { detail: 'Not found.' }
})
