import { describe, expect, it } from 'vitest'
import { DOCS_URL, aboutText, applicationMenuTemplate, type MenuItemSpec } from '../../src/main/menu'
import { isAllowedExternalUrl } from '../../src/main/security'

const noop = (): void => {}
const actions = { about: noop, openDocs: noop, openDataFolder: noop }
const roles = (items: MenuItemSpec[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])])
const labels = (items: MenuItemSpec[]): string[] =>
  items.flatMap((item) => [...(item.label ? [item.label] : []), ...labels(item.submenu ?? [])])

describe('application menu', () => {
  it('offers the usual edit roles, so copy and paste shortcuts work in every field', () => {
    const menu = applicationMenuTemplate({ platform: 'linux', appName: 'Console', devTools: false, actions })
    expect(roles(menu)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']),
    )
  })
  it('uses the macOS app menu conventions on darwin', () => {
    const menu = applicationMenuTemplate({ platform: 'darwin', appName: 'Console', devTools: false, actions })
    expect(menu[0]?.label).toBe('Console')
    expect(roles(menu)).toEqual(expect.arrayContaining(['hide', 'hideOthers', 'quit', 'front', 'zoom']))
  })
  it('hides reload and developer tools in packaged builds', () => {
    const packaged = applicationMenuTemplate({
      platform: 'linux',
      appName: 'Console',
      devTools: false,
      actions,
    })
    const dev = applicationMenuTemplate({ platform: 'win32', appName: 'Console', devTools: true, actions })
    expect(roles(packaged)).not.toContain('toggleDevTools')
    expect(roles(dev)).toContain('toggleDevTools')
  })
  it('has an About entry that calls the about action', () => {
    let called = 0
    const menu = applicationMenuTemplate({
      platform: 'linux',
      appName: 'Console',
      devTools: false,
      actions: { ...actions, about: () => void called++ },
    })
    expect(labels(menu)).toContain('About Console')
    const find = (items: MenuItemSpec[]): MenuItemSpec | undefined =>
      items.map((i) => (i.label === 'About Console' ? i : find(i.submenu ?? []))).find(Boolean)
    find(menu)?.click?.()
    expect(called).toBe(1)
  })
  it('links only to documentation the external allow-list lets through', () => {
    expect(isAllowedExternalUrl(DOCS_URL)).toBe(true)
  })
  it('shows the version in the About box', () => {
    const text = aboutText({
      appName: 'Console',
      version: '1.2.3',
      electron: '41.7.1',
      chrome: '146',
      node: '22',
    })
    expect(text.message).toBe('Console 1.2.3')
    expect(text.detail).toContain('Electron 41.7.1')
  })
})
