/**
 * `npx tsx bench/profile-batch-screen.ts [--rows N] [--rounds N] [--out file.cpuprofile]` (inside with-keyring.sh):
 * a CDP CPU profile of row 7's render step (Session → Batch check) at N result rows, self time summed by
 * function across the rounds. Not part of `npm run bench`; a tool for finding what grows with the rows.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWebConsole } from '../src/web/preview-server'
import { launchChromium } from './lib/browser'
import { batchInput, pasteTerminalIds, runCheck } from './rows/batch-screen'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(name)
  return at > 0 ? (process.argv[at + 1] ?? fallback) : fallback
}
const rows = Number(arg('--rows', '10000'))
const rounds = Number(arg('--rounds', '5'))
const out = arg('--out', '')

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hfc-profile-batch-screen-'))
  const web = await startWebConsole({ port: 0, dataDir })
  const browser = await launchChromium()
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
    await page.goto(web.url)
    await page.getByRole('button', { name: 'Create session' }).waitFor()
    const nav = page.getByRole('navigation', { name: 'Sections' })
    await nav.getByRole('button', { name: 'Batch check', exact: true }).click()
    const { text } = batchInput(rows)
    await pasteTerminalIds(page, text)
    await runCheck(page, rows)
    if (process.env.CLEAR) await pasteTerminalIds(page, '')
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    const self = new Map<string, number>()
    let total = 0
    for (let round = 0; round <= rounds; round += 1) {
      await nav.getByRole('button', { name: 'Session', exact: true }).click()
      await page.getByRole('button', { name: 'Create session' }).waitFor()
      await page.waitForTimeout(300)
      await cdp.send('Profiler.start')
      const started = Date.now()
      await nav.getByRole('button', { name: 'Batch check', exact: true }).click()
      await page.locator('table[aria-label="Batch results"] tbody tr[data-verdict]').first().waitFor()
      // In-page code as a string: the Node tsconfig has no DOM types.
      await page.evaluate(
        'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
      )
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
      const wall = Date.now() - started
      if (round === 0) continue
      if (out && round === rounds) await writeFile(out, JSON.stringify(profile))
      const byId = new Map(profile.nodes.map((n) => [n.id, n]))
      profile.samples.forEach((id, i) => {
        const node = byId.get(id)
        if (!node) return
        const f = node.callFrame
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}:${f.columnNumber}`
        const dt = (profile.timeDeltas[i] ?? 0) / 1000
        if (f.functionName !== '(idle)' && f.functionName !== '(program)') total += dt
        self.set(key, (self.get(key) ?? 0) + dt)
      })
      process.stderr.write(`round ${round}: wall ${wall} ms\n`)
    }
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)
    process.stdout.write(`non-idle sampled ${(total / rounds).toFixed(1)} ms per round\n`)
    for (const [key, ms] of top) process.stdout.write(`${(ms / rounds).toFixed(2).padStart(8)} ms  ${key}\n`)
  } finally {
    await browser.close()
    await web.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}
void main()
