import { createContext, useContext, type ReactNode } from 'react'
import { useStore as useZustand } from 'zustand'
import type { AppStore, Store } from './app-store'

const StoreContext = createContext<AppStore | null>(null)

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('StoreProvider is missing')
  return store
}

/** Select a narrow piece of state; components never subscribe to the whole store. */
export function useStore<T>(selector: (state: Store) => T): T {
  return useZustand(useAppStoreApi(), selector)
}
