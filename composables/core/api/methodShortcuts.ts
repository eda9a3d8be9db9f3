import type { ApiClient } from './types'

/** get/post/patch/delete over one `request`: the part of ApiClient every implementation shares. */
export function methodShortcuts(request: ApiClient['request']): ApiClient {
  return {
    request,
    get: (path, query, options) => request(path, { ...options, method: 'GET', query }),
    post: (path, body, options) => request(path, { ...options, method: 'POST', body }),
    patch: (path, body, options) => request(path, { ...options, method: 'PATCH', body }),
    delete: (path, options) => request(path, { ...options, method: 'DELETE' }),
  }
}
