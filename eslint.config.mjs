import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // The layers (ARCHITECTURE.md): each src/<layer> may import only the layers listed for it, and only
  // src/main/index.ts, src/main/ipc.ts and src/preload may import electron. A relative import that climbs out of
  // a layer names its target layer right after the `../` run, which is what the patterns match.
  ...layerRules(),
)

function layerRules() {
  const LAYERS = ['shared', 'core', 'main', 'web', 'cli', 'sandbox', 'renderer', 'preload']
  const allowed = {
    shared: [],
    sandbox: ['shared'],
    core: ['shared', 'sandbox'],
    main: ['core', 'shared'],
    web: ['core', 'shared'],
    cli: ['core', 'shared'],
    renderer: ['shared'],
    preload: ['shared'],
  }
  const electron = {
    name: 'electron',
    message:
      'Only src/main/index.ts, src/main/ipc.ts, src/main/page-window.ts and src/preload may import electron.',
  }
  const rule = (layer, { withElectron }) => {
    const forbidden = LAYERS.filter((other) => other !== layer && !allowed[layer].includes(other))
    const patterns = [
      {
        regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
        message: `src/${layer} may import only ${[layer, ...allowed[layer]].join(', ')}; nothing imports src/main.`,
      },
    ]
    if (layer === 'shared')
      patterns.push({ regex: '^(?!zod$)[^.]', message: 'src/shared imports only zod (and itself).' })
    if (layer === 'preload')
      patterns.push({
        regex: '^(\\.\\./)+shared/(?!channels$)',
        message: 'src/preload imports only electron and src/shared/channels.ts.',
      })
    return { 'no-restricted-imports': ['error', { paths: withElectron ? [] : [electron], patterns }] }
  }
  return [
    ...LAYERS.map((layer) => ({
      files: [`src/${layer}/**/*.{ts,tsx}`],
      rules: rule(layer, { withElectron: layer === 'preload' }),
    })),
    {
      files: ['src/main/index.ts', 'src/main/ipc.ts', 'src/main/page-window.ts'],
      rules: rule('main', { withElectron: true }),
    },
  ]
}
