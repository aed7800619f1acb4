/**
 * The diagnosis screens' slices (navigation, inspector, history, batch check, preflight, settings), combined
 * here so store.ts lists them with one line.
 */
import type { SliceFactory } from '@renderer/app-store'
import { createBatchSlice, type BatchSlice } from '@renderer/features/batch/batch-slice'
import { createHistorySlice, type HistorySlice } from '@renderer/features/history/history-slice'
import { createInspectorSlice, type InspectorSlice } from '@renderer/features/journal/journal-slice'
import { createPreflightSlice, type PreflightSlice } from '@renderer/features/preflight/preflight-slice'
import { createNavSlice, type NavSlice } from '@renderer/features/nav/nav-slice'
import { createSettingsSlice, type SettingsSlice } from './settings-slice'

export type DiagnosisSlices = NavSlice &
  InspectorSlice &
  HistorySlice &
  BatchSlice &
  PreflightSlice &
  SettingsSlice

export const createDiagnosisSlices: SliceFactory<DiagnosisSlices> =
  (deps) =>
  (...a): DiagnosisSlices => ({
    ...createNavSlice(deps)(...a),
    ...createInspectorSlice(deps)(...a),
    ...createHistorySlice(deps)(...a),
    ...createBatchSlice(deps)(...a),
    ...createPreflightSlice(deps)(...a),
    ...createSettingsSlice(deps)(...a),
  })
