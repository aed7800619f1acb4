import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getTransport } from './transport'
import { App } from './App'
import { connectToasts } from '@renderer/features/toasts/toast-bridge'
import { createAppStore } from './app-store'
import { StoreProvider } from './store-context'
import { preloadValidation } from './validation'
import './styles.css'

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind]
  } catch {
    return null
  }
}

const transport = getTransport()
const store = createAppStore({
  transport,
  preferences: storage('localStorage'),
  tab: storage('sessionStorage'),
})
transport.onEvent((event) => store.getState().app.handleEvent(event))
connectToasts(store)
void store.getState().app.start()

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
)
preloadValidation()
