import { describe, expect, it } from 'vitest'
import { appLoaderScript, deferAppScripts, readAppLoader } from '~/server/utils/html/beforeHydration'

// <head> as Nuxt renders it, before nuxt-security adds the SRI attributes.
const ENTRY = '<script type="module" src="/_nuxt/Ab1-x_.js" crossorigin></script>'
const preload = (file: string) => `<link rel="modulepreload" as="script" crossorigin href="/_nuxt/${file}">`
const integrityOf = (href: string) => (href.includes('Ab1') ? 'sha384-entry' : href.includes('Cd2') ? 'sha384-page' : undefined)

describe('the app loader in place of the entry script and its modulepreloads', () => {
  it('names every preloaded file with its SRI hash and imports the entry; other tags stay', () => {
    const head = ['<meta charset="utf-8">', `${preload('Ab1-x_.js')}${preload('Cd2.js')}<link rel="icon" href="/favicon.ico">${preload('Ef3.js')}`, ENTRY]
    const out = deferAppScripts(head, integrityOf)
    const loader = appLoaderScript('/_nuxt/Ab1-x_.js', [
      { href: '/_nuxt/Ab1-x_.js', integrity: 'sha384-entry' },
      { href: '/_nuxt/Cd2.js', integrity: 'sha384-page' },
      { href: '/_nuxt/Ef3.js', integrity: undefined },
    ])
    expect(out).toEqual(['<meta charset="utf-8">', '<link rel="icon" href="/favicon.ico">', `<script>${loader}</script>`])
    expect(loader).toContain('["/_nuxt/Cd2.js","sha384-page"]')
    expect(loader).toContain('import(e)')
  })

  it('preloads the entry itself when Nuxt did not list it, so its hash is still checked', () => {
    const out = deferAppScripts([preload('Cd2.js'), ENTRY], integrityOf).join('')
    expect(out).toContain('["/_nuxt/Ab1-x_.js","sha384-entry"]')
  })

  it('leaves a head without the entry script as it is', () => {
    const head = [preload('Cd2.js'), '<script>window.__NUXT__={}</script>']
    expect(deferAppScripts(head, integrityOf)).toEqual(head)
  })

  it('reads back what a loader names, and nothing from any other script', () => {
    const preloads = [{ href: '/_nuxt/Ab1-x_.js', integrity: 'sha384-entry' }, { href: '/_nuxt/Cd2.js', integrity: undefined }]
    expect(readAppLoader(appLoaderScript('/_nuxt/Ab1-x_.js', preloads))).toEqual({ entry: '/_nuxt/Ab1-x_.js', preloads })
    expect(readAppLoader('window.__NUXT__={}')).toBeNull()
    expect(readAppLoader('(function(){var d=document,q=[];})()')).toBeNull()
  })
})
