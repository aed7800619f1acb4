/**
 * The last script of the gateway's field frame page (/merchant/hosted-fields): the page first loads the
 * Hosted Fields library build of the session, then this starts that library's field-frame side,
 * `Payroc.Gateway.init()` — Payroc's own build and the simulated one alike. A build without it does nothing.
 */
'use strict'

interface FieldFrameSide {
  init(): void
}

const payroc = (window as unknown as { Payroc?: { Gateway?: Partial<FieldFrameSide> } }).Payroc
const gateway = payroc?.Gateway
if (gateway && typeof gateway.init === 'function') gateway.init()
