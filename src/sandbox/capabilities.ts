/**
 * GET /sandbox-capabilities/terminals/{processingTerminalId} (loopback only): what a seeded terminal can do
 * (payment, tokenization, surchargePercentage?, ach, pad).
 * The gateway creates tokenization sessions even for terminals without secure tokens (the failure only shows
 * when the library initialises), so the console's preflight asks here to report it up front. Registered by the
 * embedding app with `sandbox.addRoute(terminalCapabilitiesRoute)`; it lives outside /__sandbox/ because extra
 * routes cannot share the control prefix. Note: as an extra route it counts as (and is subject to the fault
 * rules of) the 'library' group.
 */
import { decodeSegment, isLoopbackAddress } from './sandbox-http'
import { controlGate } from './control-gate'
import { forbidden, json, problem, problemReply } from './problem-replies'
import type { SandboxRoute } from './sandbox-types'

export const CAPABILITIES_PATH = '/sandbox-capabilities/terminals/'

export const terminalCapabilitiesRoute: SandboxRoute = {
  method: 'GET',
  path: /^\/sandbox-capabilities\/terminals\/([^/]+)$/,
  handle({ req, params, path, state }) {
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      return forbidden(path, 'sandbox-capabilities', 'Terminal capabilities answer loopback clients only.')
    }
    const refused = controlGate({ method: 'GET', headers: req.headers }, req.socket.localPort ?? 0)
    if (refused) return problemReply(refused.problem)
    const id = decodeSegment(params[0] ?? '')
    const terminal = id === undefined ? undefined : state.terminals.get(id)
    if (!terminal) return problem(404, `The sandbox has no terminal ${id ?? '(undecodable)'}.`)
    return json(200, {
      processingTerminalId: terminal.processingTerminalId,
      payment: terminal.payment,
      tokenization: terminal.tokenization,
      ...(terminal.surchargePercentage !== undefined
        ? { surchargePercentage: terminal.surchargePercentage }
        : {}),
      ach: terminal.ach === true,
      pad: terminal.pad === true,
    })
  },
}
