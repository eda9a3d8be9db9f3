import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ValidateFunction } from 'ajv/dist/2020.js'
import { parse } from 'yaml'

// Validates response bodies against docs/openapi.yaml, so the demo backend, a real backend and the
// generated DTO types are all held to the one document.

const specPath = fileURLToPath(new URL('../../../docs/openapi.yaml', import.meta.url))
const spec = parse(readFileSync(specPath, 'utf8')) as { components: { schemas: Record<string, unknown> } }

// OpenAPI 3.1 schemas are JSON Schema 2020-12; unknown OpenAPI keywords (e.g. `examples` on parameters) are ignored.
const ajv = new Ajv2020({ strict: false, allErrors: true })
ajv.addFormat('date-time', value => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value))
ajv.addFormat('uri', value => URL.canParse(value))
ajv.addFormat('email', value => /^[^\s@]+@[^\s@]+$/.test(value))
ajv.addSchema({ $id: 'openapi', components: spec.components })

const cache = new Map<string, ValidateFunction>()

export type SchemaName = keyof typeof spec.components.schemas & string

/** Throws with every mismatch listed when `body` does not match components/schemas/`name`. */
export function assertSchema(name: string, body: unknown): void {
  if (!(name in spec.components.schemas)) throw new Error(`No schema "${name}" in docs/openapi.yaml`)
  let validate = cache.get(name)
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi#/components/schemas/${name}` })
    cache.set(name, validate)
  }
  if (!validate(body)) {
    const problems = (validate.errors ?? []).slice(0, 8).map(e => `${e.instancePath || '(root)'} ${e.message ?? ''}`).join('; ')
    throw new Error(`Response does not match schema ${name}: ${problems}\n${JSON.stringify(body).slice(0, 500)}`)
  }
}

/** For `type: array` responses. */
export function assertArrayOf(name: string, body: unknown): void {
  if (!Array.isArray(body)) throw new Error(`Expected an array of ${name}, got ${JSON.stringify(body).slice(0, 200)}`)
  body.forEach(item => assertSchema(name, item))
}

export function schemaNames(): string[] {
  return Object.keys(spec.components.schemas)
}
