/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions shape), so its roles and
 * shortcuts are unit-tested without a binary. index.ts turns it into a Menu and supplies the callbacks.
 */
export interface MenuItemSpec {
  label?: string
  role?: string
  type?: 'separator' | 'submenu'
  accelerator?: string
  click?: () => void
  submenu?: MenuItemSpec[]
}

export interface MenuActions {
  about(): void
  openDocs(): void
  openDataFolder(): void
}

export function applicationMenuTemplate(input: {
  platform: NodeJS.Platform
  appName: string
  devTools: boolean
  actions: MenuActions
}): MenuItemSpec[] {
  const isMac = input.platform === 'darwin'
  const sep: MenuItemSpec = { type: 'separator' }
  const about: MenuItemSpec = { label: `About ${input.appName}`, click: input.actions.about }
  const appMenu: MenuItemSpec[] = isMac
    ? [
        {
          label: input.appName,
          submenu: [
            about,
            sep,
            { role: 'services' },
            sep,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            sep,
            { role: 'quit' },
          ],
        },
      ]
    : []
  const file: MenuItemSpec = {
    label: 'File',
    submenu: [
      { label: 'Open Data Folder', click: input.actions.openDataFolder },
      sep,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const edit: MenuItemSpec = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  }
  const view: MenuItemSpec = {
    label: 'View',
    submenu: [
      ...(input.devTools ? [{ role: 'reload' }, { role: 'toggleDevTools' }, sep] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  }
  const window: MenuItemSpec = {
    label: 'Window',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  }
  const help: MenuItemSpec = {
    role: 'help',
    submenu: [
      { label: 'Payroc Hosted Fields documentation', click: input.actions.openDocs },
      ...(isMac ? [] : [sep, about]),
    ],
  }
  return [...appMenu, file, edit, view, window, help]
}

export const DOCS_URL = 'https://docs.payroc.com/guides/integrate/hosted-fields'

/** Text of the About box. */
export function aboutText(input: {
  appName: string
  version: string
  electron: string
  chrome: string
  node: string
}): {
  title: string
  message: string
  detail: string
} {
  return {
    title: `About ${input.appName}`,
    message: `${input.appName} ${input.version}`,
    detail: `Electron ${input.electron} · Chromium ${input.chrome} · Node.js ${input.node}\nDiagnose Payroc Hosted Fields sessions.`,
  }
}
