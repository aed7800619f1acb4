/**
 * What the driver reads from the loaded page (PageFacts), as a function evaluated in the page through
 * Runtime.evaluate (serialised with toString, so self-contained like the probe). Typed against the few DOM members
 * it uses, so it compiles with the Node program and unit tests can run it on a stand-in document.
 */
import type { PageFacts } from './types'

interface FactsElement {
  getAttribute(name: string): string | null
  textContent: string | null
}
export interface FactsDocument {
  querySelectorAll(selector: string): { length: number } & Iterable<FactsElement>
}
export interface FactsWindow {
  document: FactsDocument
  location: { href: string }
  Payroc?: { hostedFields?: unknown }
}

const INLINE_LIMIT = 65_536

export function collectFacts(win: FactsWindow, selectors: string[], inlineLimit: number): PageFacts {
  const doc = win.document
  const selectorCounts: Record<string, number> = {}
  for (const selector of selectors) {
    try {
      selectorCounts[selector] = doc.querySelectorAll(selector).length
    } catch {
      selectorCounts[selector] = -1
    }
  }
  const scripts = Array.from(doc.querySelectorAll('script'), (element) => {
    const src = element.getAttribute('src')
    return {
      src,
      integrity: element.getAttribute('integrity'),
      crossorigin: element.getAttribute('crossorigin'),
      text: src === null ? (element.textContent ?? '').slice(0, inlineLimit) : null,
    }
  })
  const metaCsp = Array.from(doc.querySelectorAll('meta[http-equiv]'), (element) => ({
    equiv: (element.getAttribute('http-equiv') ?? '').toLowerCase(),
    content: element.getAttribute('content') ?? '',
  }))
    .filter((meta) => meta.equiv === 'content-security-policy')
    .map((meta) => meta.content)
  const payroc = win.Payroc
  return {
    finalUrl: win.location.href,
    scripts,
    metaCsp,
    selectorCounts,
    hasPayrocGlobal:
      typeof payroc === 'object' && payroc !== null && typeof payroc.hostedFields === 'function',
  }
}

/** The Runtime.evaluate expression (returnByValue) that yields PageFacts. */
export function factsExpression(selectors: string[]): string {
  return `(() => { const __name = (target) => target; return (${collectFacts.toString()})(window, ${JSON.stringify(selectors)}, ${INLINE_LIMIT}); })()`
}
