import { $fetch } from 'ofetch'
import { describe, expect, it } from 'vitest'
import { createApiCore } from '~/composables/core/api/createApiCore'
import { categoryService } from '~/services/categoryService'
import type { CursorPageDto, CategoryDto } from '~/services/dto'
import { categoryPath } from '~/utils/routes/paths'
import { useBuiltStack } from '../server/support/builtStack'

// A DRF backend with a global DEFAULT_PAGINATION_CLASS paginates GET /categories/ too (24 a page in the demo's
// drf-variants profile; the seed has 40): the storefront must read every page, or the categories on the later ones
// vanish from the filter panel and their pages answer 404.

const stack = useBuiltStack({ seedProducts: 200, profile: { paginatedCategories: true, pagination: 'drf' } })

const lastCategory = () => stack.api.backend.db.categories.at(-1)!

describe('categories from a backend that paginates them', () => {
  it('come in more than one page', async () => {
    const first = await $fetch<CursorPageDto<CategoryDto>>(`${stack.api.url}/categories/`)
    expect(first.next).not.toBeNull()
    expect(first.results.map(category => category.slug)).not.toContain(lastCategory().slug)
  })

  it('are all read by the category service', async () => {
    const { api } = createApiCore({ fetch: $fetch, baseURL: stack.api.url, locks: null, retry: { maxRetries: 0 } })
    const categories = await categoryService(api).list()
    expect(categories.map(category => category.slug)).toEqual(stack.api.backend.db.categories.map(category => category.slug))
  })

  it('each have their page, the ones on the last page of categories too', async () => {
    const response = await fetch(`${stack.web.url}${categoryPath(lastCategory().slug)}`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain(`>${lastCategory().name}</h1>`)
  })
})
