/** The pure parts of the flows after the form: verdict words, the customer JSON Patch, card-data masking, CSV. */
import { describe, expect, it } from 'vitest'
import { historyCsvWithFlows, HISTORY_CSV_HEADER } from '../../../../src/core/services/exports/history-csv'
import { FLOW_HINTS } from '../../../../src/core/hint-catalogue'
import { surchargeVerdict } from '../../../../src/core/services/flows/card-tokens'
import { flowError } from '../../../../src/core/services/flows/flow-errors'
import { formatAmount, isApproved, paymentVerdict } from '../../../../src/core/services/flows/flow-outcome'
import { customerPatch } from '../../../../src/core/services/flows/secure-token-admin'
import { contract, type HistoryEntry } from '../../../../src/shared/contract'
import { maskAccountNumber, redactBodyText } from '../../../../src/shared/redact'

describe('payment verdicts', () => {
  it('says approved or declined with the status, response code and message', () => {
    expect(
      paymentVerdict('sale', 1000, 'USD', {
        status: 'ready',
        responseCode: 'A',
        responseMessage: 'APPROVAL',
      }),
    ).toBe('Approved: sale of 10.00 USD (ready, A, APPROVAL).')
    expect(
      paymentVerdict('refund', 250, 'CAD', {
        status: 'declined',
        responseCode: 'D',
        responseMessage: 'Do not honor',
      }),
    ).toBe('Declined: refund of 2.50 CAD (declined, D, Do not honor).')
    expect(isApproved('P')).toBe(true)
    expect(isApproved('E')).toBe(false)
    expect(formatAmount(5, 'USD')).toBe('0.05 USD')
  })

  it('surcharging in words', () => {
    expect(surchargeVerdict({ allowed: true, percentage: 3, amount: 30 }, 1000, 'USD')).toBe(
      'Surcharging allowed: 3 % (0.30 USD on 10.00 USD).',
    )
    expect(surchargeVerdict({ allowed: false })).toMatch(/^Surcharging not allowed/)
  })
})

describe('customerPatch', () => {
  it('adds the whole customer when the token has none', () => {
    expect(customerPatch(undefined, false, { firstName: 'Ada', email: 'a@example.com' }, [])).toEqual([
      {
        op: 'add',
        path: '/customer',
        value: { firstName: 'Ada', contactMethods: [{ type: 'email', value: 'a@example.com' }] },
      },
    ])
  })
  it('adds / removes single fields and replaces the contact methods it changes', () => {
    const ops = customerPatch({ firstName: 'Ada', lastName: 'L' }, true, { lastName: '', phone: '5551234' }, [
      { type: 'email', value: 'a@example.com' },
      { type: 'phone', value: '1' },
    ])
    expect(ops).toEqual([
      { op: 'remove', path: '/customer/lastName' },
      {
        op: 'add',
        path: '/customer/contactMethods',
        value: [
          { type: 'email', value: 'a@example.com' },
          { type: 'phone', value: '5551234' },
        ],
      },
    ])
    // removing what is not there is no operation at all
    expect(customerPatch({}, true, { referenceNumber: '' }, [])).toEqual([])
  })
})

describe('card data in journal bodies', () => {
  it('masks clear card and account numbers and the CVV, leaves gateway-masked numbers alone', () => {
    const text = redactBodyText(
      JSON.stringify({
        source: { cardDetails: { keyedData: { cardNumber: '4539858876047062', cvv: '123' } } },
        bank: { accountNumber: '1234567890' },
        card: { cardNumber: '453985******7062' },
      }),
    )
    expect(text).not.toContain('4539858876047062')
    expect(text).not.toContain('"123"')
    expect(text).not.toContain('1234567890')
    expect(text).toContain('453985******7062')
    expect(maskAccountNumber('1234567890')).toBe('…7890')
  })
})

describe('History CSV with flows', () => {
  it('appends the flow columns after the session columns', () => {
    const entry: HistoryEntry = {
      id: 'h1',
      at: '2026-12-02T06:00:00.000Z',
      environmentId: 'sandbox',
      profile: 'default',
      processingTerminalId: '1234001',
      scenario: 'payment',
      libVersion: '',
      outcome: 'ok',
      durationMs: 12,
      attempts: 1,
      kind: 'payment',
      flow: { operation: 'sale', paymentId: 'P123456789', amount: 1000, currency: 'USD', approved: true },
      verdict: {
        tone: 'success',
        sentence: 'Approved: sale of 10.00 USD (ready, A).',
        hint: '',
        historyOutcome: 'approved',
      },
    }
    const [header, row] = historyCsvWithFlows([entry]).trim().split('\r\n')
    expect(header).toBe(HISTORY_CSV_HEADER.join(','))
    expect(header?.startsWith('at,environmentId,profile,processingTerminalId,scenario')).toBe(true)
    expect(row).toContain(',payment,sale,P123456789,,1000,USD,,,,true,,')
    expect(row).toContain('Approved: sale of 10.00 USD (ready, A).')
  })
})

describe('flowError', () => {
  const base = { kind: 'validation' as const, message: 'x', hint: 'generic' }
  it('names the spent token, the unknown payment or secure token, the idempotency conflict, the missing capability', () => {
    expect(flowError({ ...base, fields: { token: ['token: used'] } }, 'payment').hint).toMatch(/works once/)
    expect(flowError({ ...base, kind: 'validation', status: 404 }, 'follow-up').hint).toBe(
      FLOW_HINTS.paymentNotFound,
    )
    expect(flowError({ ...base, status: 404 }, 'secure-token').hint).toBe(FLOW_HINTS.secureTokenNotFound)
    const problem = {
      type: 'https://docs.payroc.com/api/errors#idempotency-key-in-use',
      title: 'c',
      status: 409,
      detail: 'd',
    }
    expect(flowError({ ...base, kind: 'conflict', status: 409, problem }, 'payment').hint).toBe(
      FLOW_HINTS.conflict,
    )
    const forbidden = {
      type: 't',
      title: 'f',
      status: 403,
      detail: 'Bank transfers (ACH, PAD) are not enabled for this processing terminal.',
    }
    expect(flowError({ ...base, kind: 'forbidden', status: 403, problem: forbidden }, 'payment').hint).toBe(
      FLOW_HINTS.notAllowed,
    )
    expect(flowError({ ...base, status: 400 }, 'follow-up').hint).toBe(FLOW_HINTS.followUpRefused)
    // an amount problem on a follow-up keeps the field's own words
    expect(flowError({ ...base, status: 400, fields: { amount: ['too much'] } }, 'follow-up').hint).toBe(
      'generic',
    )
    expect(flowError({ ...base, status: 400 }, 'payment').hint).toBe('generic')
  })
})

describe('the flows contract names fields as the UI labels them', () => {
  const base = { environmentId: 'sandbox', profile: 'default', processingTerminalId: '1234001' }
  const messages = (channel: keyof typeof contract, payload: unknown) => {
    const parsed = contract[channel].request.safeParse(payload)
    return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)
  }
  it('sale: Amount, Currency, Order ID, the payment method', () => {
    expect(
      messages('payment:run', {
        ...base,
        amount: 10.5,
        currency: 'usd',
        orderId: '',
        paymentMethod: { type: 'secureToken' },
      }),
    ).toEqual([
      'Amount must be a whole number of minor units (e.g. 1000 for 10.00)',
      'Currency must be a 3-letter code such as USD',
      'Order ID must not be empty',
      'Give either the secure token or its Secure token ID (one of them)',
    ])
    expect(messages('payment:refund', { ...base, paymentId: 'short', amount: 0 })).toEqual([
      'Payment ID must be exactly 10 characters',
      'Amount must be greater than 0',
    ])
  })
  it('secure tokens, BIN lookup and single-use tokens', () => {
    expect(messages('secureToken:patch', { ...base, secureTokenId: 'x', customer: {} })).toEqual([
      'Change at least one customer detail',
    ])
    expect(messages('secureToken:list', { ...base, last4: '12', limit: 500 })).toEqual([
      'Last 4 digits must be 4 digits',
      'Page size must be at most 100',
    ])
    expect(messages('card:binLookup', { ...base, card: { type: 'cardBin', bin: '45' } })).toEqual([
      'Card BIN must be 6 to 12 digits',
    ])
    expect(
      messages('singleUseToken:create', {
        ...base,
        source: { type: 'card', cardNumber: '4539', expiryDate: '1330', cardholderName: '' },
      }),
    ).toEqual([
      'Card number must be 12 to 19 digits',
      'Expiry date must be MMYY, e.g. 1230',
      'Cardholder name must not be empty',
    ])
  })
  it('every changing channel confirms in Production; the reads do not', () => {
    const confirm = (channel: keyof typeof contract) => contract[channel].policy.production === 'confirm'
    for (const channel of [
      'payment:run',
      'payment:capture',
      'payment:reverse',
      'payment:refund',
      'bankTransfer:run',
      'bankTransfer:reverse',
      'bankTransfer:refund',
      'secureToken:delete',
      'secureToken:patch',
      'singleUseToken:create',
    ] as const)
      expect(confirm(channel), channel).toBe(true)
    for (const channel of ['secureToken:list', 'secureToken:get', 'card:binLookup'] as const)
      expect([confirm(channel), contract[channel].policy.environment], channel).toEqual([false, 'resolve'])
  })
})
