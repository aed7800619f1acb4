/**
 * The conformance cases of the flows the console runs after the form (issue 14): single-use tokens without a
 * browser, card payments with capture / reverse / refund, bank-transfer payments with reverse / refund, secure
 * token list / partial update / delete, and BIN lookup — success and every error path the sandbox produces on
 * each. Run by spec-conformance.int.test.ts, which checks every answer against the spec.
 */
import { randomUUID } from 'node:crypto'
import type { Sandbox } from '../../src/sandbox'

export interface FlowAnswer {
  method: string
  path: string
  status: number
  contentType: string
  text: string
  json: unknown
}

export interface FlowCase {
  name: string
  operationId: string
  status: number
  deliberate?: string
  run(): Promise<FlowAnswer>
}

export interface FlowHarness {
  sandbox(): Sandbox
  call(
    method: string,
    path: string,
    options?: { headers?: Record<string, string>; body?: string },
  ): Promise<FlowAnswer>
  writeHeaders(overrides?: Record<string, string>, drop?: string[]): Record<string, string>
  readHeaders(overrides?: Record<string, string>): Record<string, string>
  /** A card single-use token minted by the simulated library on terminal 1234001 (tokenization session). */
  libraryToken(): Promise<string>
  /** Saves a secure token on 1234001 from a library token; returns its secureTokenId. */
  saveSecureToken(secureTokenId?: string): Promise<string>
  deliberate413: string
}

const CARD_TERMINAL = '1234001'
const NO_TOKENS_TERMINAL = '1234002'
const SURCHARGE_TERMINAL = '1234003'
const ACH_TERMINAL = '1234004'
const PAD_TERMINAL = '1234005'
const UNKNOWN_TERMINAL = '9999999'
const NO_SUCH_PAYMENT = 'ZZZZZZZZZZ'

const KEYED_CARD = {
  type: 'card',
  cardDetails: {
    entryMethod: 'keyed',
    cardholderName: 'Sarah Hazel Hopper',
    keyedData: { dataFormat: 'plainText', cardNumber: '4539858876047062', expiryDate: '1230', cvv: '234' },
  },
}
const ACH = {
  type: 'ach',
  nameOnAccount: 'Sarah Hazel Hopper',
  accountNumber: '1234567890',
  routingNumber: '053200983',
  accountType: 'checking',
}
const PAD = {
  type: 'pad',
  nameOnAccount: 'Sarah Hopper',
  accountNumber: '1234567890',
  transitNumber: '76543',
  institutionNumber: '543',
}

export function flowCases(h: FlowHarness): FlowCase[] {
  const post = (path: string, body: unknown, overrides: Record<string, string> = {}, drop: string[] = []) =>
    h.call('POST', path, {
      headers: h.writeHeaders(overrides, drop),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const patch = (path: string, body: unknown, overrides: Record<string, string> = {}, drop: string[] = []) =>
    h.call('PATCH', path, {
      headers: h.writeHeaders(overrides, drop),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const get = (path: string, overrides: Record<string, string> = {}) =>
    h.call('GET', path, { headers: h.readHeaders(overrides) })
  const reuseKey = async (path: string, first: unknown, second: unknown, secondPath = path) => {
    const key = randomUUID()
    const stored = await post(path, first, { 'Idempotency-Key': key })
    if (stored.status >= 300) throw new Error(`first request failed: ${stored.status} ${stored.text}`)
    return post(secondPath, second, { 'Idempotency-Key': key })
  }
  const fault500 = (route: 'payments' | 'secure-tokens') =>
    h.sandbox().addFault({ route, action: { type: 'status', status: 500 }, times: 1 })
  const oversized = () => JSON.stringify({ pad: 'x'.repeat(64 * 1024) })
  const expect2xx = (answer: FlowAnswer, what: string) => {
    if (answer.status >= 300) throw new Error(`${what} failed: ${answer.status} ${answer.text}`)
    return answer.json as Record<string, unknown>
  }

  const sutPath = (terminal = CARD_TERMINAL) => `/processing-terminals/${terminal}/single-use-tokens`
  const apiToken = async (terminal: string, source: unknown) =>
    String(expect2xx(await post(sutPath(terminal), { channel: 'web', source }), 'single-use token').token)

  const sale = (paymentMethod: unknown, extra: Record<string, unknown> = {}, amount = 4999) => ({
    channel: 'web',
    processingTerminalId: CARD_TERMINAL,
    order: { orderId: `conf-${randomUUID().slice(0, 8)}`, amount, currency: 'USD' },
    paymentMethod,
    ...extra,
  })
  const tokenSale = async (extra: Record<string, unknown> = {}, amount = 4999) =>
    sale({ type: 'singleUseToken', token: await h.libraryToken() }, extra, amount)
  const runSale = async (extra: Record<string, unknown> = {}) =>
    String(expect2xx(await post('/payments', await tokenSale(extra)), 'sale').paymentId)
  const savedTokenNumber = async () => {
    const id = await h.saveSecureToken()
    return String(
      expect2xx(await get(`/processing-terminals/${CARD_TERMINAL}/secure-tokens/${id}`), 'get').token,
    )
  }
  const settle = () => h.sandbox().state.closeBatch()

  const bank = async (terminal: string, source: unknown, extra: Record<string, unknown> = {}) => ({
    processingTerminalId: terminal,
    order: { orderId: `bank-${randomUUID().slice(0, 8)}`, amount: 2500, currency: 'USD' },
    paymentMethod: { type: 'singleUseToken', token: await apiToken(terminal, source) },
    ...extra,
  })
  const runBank = async () =>
    String(expect2xx(await post('/bank-transfer-payments', await bank(ACH_TERMINAL, ACH)), 'bank').paymentId)

  const refundBody = { amount: 1000, description: 'Conformance refund' }
  const tokensPath = (terminal = CARD_TERMINAL) => `/processing-terminals/${terminal}/secure-tokens`
  const tokenPath = (id: string, terminal = CARD_TERMINAL) =>
    `${tokensPath(terminal)}/${encodeURIComponent(id)}`
  const replaceLastName = [{ op: 'replace', path: '/customer/lastName', value: 'Reed' }]
  const addCustomer = [
    {
      op: 'add',
      path: '/customer',
      value: {
        firstName: 'Sarah',
        lastName: 'Hopper',
        contactMethods: [{ type: 'email', value: 's@example.com' }],
      },
    },
  ]

  /** Cases every write route shares: 400 missing key, 401, 406, 409 key reuse, 413, 415, 500 (fault). */
  const commonWrite = (
    operationId: string,
    path: () => Promise<string> | string,
    body: () => Promise<unknown> | unknown,
    route: 'payments' | 'secure-tokens',
    options: { documents413?: boolean; reuse?: () => Promise<FlowAnswer>; method?: 'POST' | 'PATCH' } = {},
  ): FlowCase[] => {
    const send = options.method === 'PATCH' ? patch : post
    const cases: FlowCase[] = [
      {
        name: 'missing Idempotency-Key',
        operationId,
        status: 400,
        run: async () => send(await path(), await body(), {}, ['Idempotency-Key']),
      },
      {
        name: 'no Authorization',
        operationId,
        status: 401,
        run: async () => send(await path(), await body(), {}, ['Authorization']),
      },
      {
        name: 'Accept without JSON',
        operationId,
        status: 406,
        run: async () => send(await path(), await body(), { Accept: 'text/html' }),
      },
      {
        name: 'body over 64 KB',
        operationId,
        status: 413,
        ...(options.documents413 === true ? {} : { deliberate: h.deliberate413 }),
        run: async () => send(await path(), oversized()),
      },
      {
        name: 'Content-Type not JSON',
        operationId,
        status: 415,
        run: async () => send(await path(), await body(), { 'Content-Type': 'text/plain' }),
      },
      {
        name: 'gateway failure (fault)',
        operationId,
        status: 500,
        run: async () => {
          const target = await path()
          const value = await body()
          fault500(route)
          return send(target, value)
        },
      },
    ]
    if (options.reuse) {
      cases.push({
        name: 'Idempotency-Key reused with another body',
        operationId,
        status: 409,
        run: options.reuse,
      })
    }
    return cases
  }

  return [
    // createSingleUseToken
    {
      name: 'keyed card',
      operationId: 'createSingleUseToken',
      status: 201,
      run: () => post(sutPath(), { channel: 'web', operator: 'Jane', source: KEYED_CARD }),
    },
    {
      name: 'ACH account (terminal 1234004)',
      operationId: 'createSingleUseToken',
      status: 201,
      run: () => post(sutPath(ACH_TERMINAL), { channel: 'web', source: ACH }),
    },
    {
      name: 'PAD account (terminal 1234005)',
      operationId: 'createSingleUseToken',
      status: 201,
      run: () => post(sutPath(PAD_TERMINAL), { channel: 'web', source: PAD }),
    },
    {
      name: 'invalid body (channel, source.type)',
      operationId: 'createSingleUseToken',
      status: 400,
      run: () => post(sutPath(), { channel: 'shop', source: { type: 'cash' } }),
    },
    {
      name: 'card number failing Luhn',
      operationId: 'createSingleUseToken',
      status: 400,
      run: () =>
        post(sutPath(), {
          channel: 'web',
          source: {
            ...KEYED_CARD,
            cardDetails: {
              ...KEYED_CARD.cardDetails,
              keyedData: { dataFormat: 'plainText', cardNumber: '4539858876047063' },
            },
          },
        }),
    },
    {
      name: 'unknown terminal',
      operationId: 'createSingleUseToken',
      status: 403,
      run: () => post(sutPath(UNKNOWN_TERMINAL), { channel: 'web', source: KEYED_CARD }),
    },
    {
      name: 'ACH on a terminal without ACH',
      operationId: 'createSingleUseToken',
      status: 403,
      run: () => post(sutPath(), { channel: 'web', source: ACH }),
    },
    ...commonWrite(
      'createSingleUseToken',
      () => sutPath(),
      () => ({ channel: 'web', source: KEYED_CARD }),
      'secure-tokens',
      {
        reuse: () =>
          reuseKey(
            sutPath(),
            { channel: 'web', source: KEYED_CARD },
            { channel: 'moto', source: KEYED_CARD },
          ),
      },
    ),

    // payment
    {
      name: 'sale with a single-use token',
      operationId: 'payment',
      status: 201,
      run: async () => post('/payments', await tokenSale()),
    },
    {
      name: 'sale with a single-use token made without a browser',
      operationId: 'payment',
      status: 201,
      run: async () =>
        post('/payments', sale({ type: 'singleUseToken', token: await apiToken(CARD_TERMINAL, KEYED_CARD) })),
    },
    {
      name: 'sale with a saved secure token',
      operationId: 'payment',
      status: 201,
      run: async () => post('/payments', sale({ type: 'secureToken', token: await savedTokenNumber() })),
    },
    {
      name: 'sale that saves the card (credentialOnFile.tokenize)',
      operationId: 'payment',
      status: 201,
      run: async () =>
        post(
          '/payments',
          await tokenSale({ credentialOnFile: { tokenize: true, mitAgreement: 'unscheduled' } }),
        ),
    },
    {
      name: 'pre-authorization (autoCapture false)',
      operationId: 'payment',
      status: 201,
      run: async () => post('/payments', await tokenSale({ autoCapture: false })),
    },
    {
      name: 'forced decline (amount ending 01, code 05)',
      operationId: 'payment',
      status: 201,
      run: async () => post('/payments', await tokenSale({}, 1001)),
    },
    {
      name: 'forced decline (amount ending 02, code 51)',
      operationId: 'payment',
      status: 201,
      run: async () => post('/payments', await tokenSale({}, 1002)),
    },
    {
      name: 'invalid body (order, paymentMethod)',
      operationId: 'payment',
      status: 400,
      run: () =>
        post('/payments', { channel: 'web', processingTerminalId: CARD_TERMINAL, order: { amount: -1 } }),
    },
    {
      name: 'single-use token used twice',
      operationId: 'payment',
      status: 400,
      run: async () => {
        const body = await tokenSale()
        expect2xx(await post('/payments', body), 'first sale')
        return post('/payments', { ...body, order: { ...body.order, orderId: 'second-use' } })
      },
    },
    {
      name: 'expired single-use token',
      operationId: 'payment',
      status: 400,
      run: async () => {
        const token = await h.libraryToken()
        const record = h.sandbox().state.singleUseTokens.peek(token)
        if (record) record.expiresAt = h.sandbox().state.now() - 1
        return post('/payments', sale({ type: 'singleUseToken', token }))
      },
    },
    {
      name: 'unknown secure token',
      operationId: 'payment',
      status: 400,
      run: () => post('/payments', sale({ type: 'secureToken', token: '2967530000000000' })),
    },
    {
      name: 'unknown terminal',
      operationId: 'payment',
      status: 403,
      run: async () => post('/payments', { ...(await tokenSale()), processingTerminalId: UNKNOWN_TERMINAL }),
    },
    {
      name: 'tokenize on a terminal without secure tokens',
      operationId: 'payment',
      status: 403,
      run: () =>
        post('/payments', {
          ...sale(
            { type: 'singleUseToken', token: 'f'.repeat(128) },
            { credentialOnFile: { tokenize: true } },
          ),
          processingTerminalId: NO_TOKENS_TERMINAL,
        }),
    },
    {
      name: 'tokenize with a secureTokenId that exists',
      operationId: 'payment',
      status: 409,
      run: async () => {
        const id = await h.saveSecureToken(`MREF_conf_${randomUUID().slice(0, 8)}`)
        return post('/payments', await tokenSale({ credentialOnFile: { tokenize: true, secureTokenId: id } }))
      },
    },
    {
      name: 'forced failure (amount ending 03)',
      operationId: 'payment',
      status: 500,
      run: async () => post('/payments', await tokenSale({}, 1003)),
    },
    ...commonWrite(
      'payment',
      () => '/payments',
      () => tokenSale(),
      'payments',
      {
        reuse: async () => reuseKey('/payments', await tokenSale(), await tokenSale()),
      },
    ),

    // getPayment
    {
      name: 'retrieve a sale',
      operationId: 'getPayment',
      status: 200,
      run: async () => get(`/payments/${await runSale()}`),
    },
    {
      name: 'paymentId not 10 characters',
      operationId: 'getPayment',
      status: 400,
      run: () => get('/payments/short'),
    },
    {
      name: 'no Authorization',
      operationId: 'getPayment',
      status: 401,
      run: () => h.call('GET', `/payments/${NO_SUCH_PAYMENT}`),
    },
    {
      name: 'unknown paymentId',
      operationId: 'getPayment',
      status: 404,
      run: () => get(`/payments/${NO_SUCH_PAYMENT}`),
    },
    {
      name: 'Accept without JSON',
      operationId: 'getPayment',
      status: 406,
      run: () => get(`/payments/${NO_SUCH_PAYMENT}`, { Accept: 'text/html' }),
    },
    {
      name: 'gateway failure (fault)',
      operationId: 'getPayment',
      status: 500,
      run: () => {
        fault500('payments')
        return get(`/payments/${NO_SUCH_PAYMENT}`)
      },
    },

    // capturePayment
    {
      name: 'capture a pre-authorization (part of it)',
      operationId: 'capturePayment',
      status: 200,
      run: async () => post(`/payments/${await runSale({ autoCapture: false })}/capture`, { amount: 3999 }),
    },
    {
      name: 'capture with no body',
      operationId: 'capturePayment',
      status: 200,
      run: async () => post(`/payments/${await runSale({ autoCapture: false })}/capture`, ''),
    },
    {
      name: 'capture a reversed payment',
      operationId: 'capturePayment',
      status: 400,
      run: async () => {
        const id = await runSale({ autoCapture: false })
        expect2xx(await post(`/payments/${id}/reverse`, {}), 'reverse')
        return post(`/payments/${id}/capture`, {})
      },
    },
    {
      name: 'capture more than authorized',
      operationId: 'capturePayment',
      status: 400,
      run: async () =>
        post(`/payments/${await runSale({ autoCapture: false })}/capture`, { amount: 999_999 }),
    },
    {
      name: 'unknown paymentId',
      operationId: 'capturePayment',
      status: 404,
      run: () => post(`/payments/${NO_SUCH_PAYMENT}/capture`, {}),
    },
    ...commonWrite(
      'capturePayment',
      () => `/payments/${NO_SUCH_PAYMENT}/capture`,
      () => ({}),
      'payments',
      {
        reuse: async () => {
          const id = await runSale({ autoCapture: false })
          return reuseKey(`/payments/${id}/capture`, { amount: 100 }, { amount: 200 })
        },
      },
    ),

    // reversePayment
    {
      name: 'reverse a sale in the open batch',
      operationId: 'reversePayment',
      status: 200,
      run: async () => post(`/payments/${await runSale()}/reverse`, {}),
    },
    {
      name: 'reverse part of a sale',
      operationId: 'reversePayment',
      status: 200,
      run: async () => post(`/payments/${await runSale()}/reverse`, { amount: 1000 }),
    },
    {
      name: 'reverse after capture',
      operationId: 'reversePayment',
      status: 200,
      run: async () => {
        const id = await runSale({ autoCapture: false })
        expect2xx(await post(`/payments/${id}/capture`, {}), 'capture')
        return post(`/payments/${id}/reverse`, {})
      },
    },
    {
      name: 'reverse twice',
      operationId: 'reversePayment',
      status: 400,
      run: async () => {
        const id = await runSale()
        expect2xx(await post(`/payments/${id}/reverse`, {}), 'first reverse')
        return post(`/payments/${id}/reverse`, {})
      },
    },
    {
      name: 'reverse a settled sale',
      operationId: 'reversePayment',
      status: 400,
      run: async () => {
        const id = await runSale()
        settle()
        return post(`/payments/${id}/reverse`, {})
      },
    },
    {
      name: 'unknown paymentId',
      operationId: 'reversePayment',
      status: 404,
      run: () => post(`/payments/${NO_SUCH_PAYMENT}/reverse`, {}),
    },
    ...commonWrite(
      'reversePayment',
      () => `/payments/${NO_SUCH_PAYMENT}/reverse`,
      () => ({}),
      'payments',
      {
        reuse: async () => {
          const id = await runSale()
          return reuseKey(`/payments/${id}/reverse`, { amount: 100 }, { amount: 200 })
        },
      },
    ),

    // refundPayment
    {
      name: 'refund a settled sale (part of it)',
      operationId: 'refundPayment',
      status: 200,
      run: async () => {
        const id = await runSale()
        settle()
        return post(`/payments/${id}/refund`, refundBody)
      },
    },
    {
      name: 'refund an unsettled sale',
      operationId: 'refundPayment',
      status: 400,
      run: async () => post(`/payments/${await runSale()}/refund`, refundBody),
    },
    {
      name: 'refund more than is left',
      operationId: 'refundPayment',
      status: 400,
      run: async () => {
        const id = await runSale()
        settle()
        return post(`/payments/${id}/refund`, { amount: 999_999, description: 'too much' })
      },
    },
    {
      name: 'invalid body (description missing)',
      operationId: 'refundPayment',
      status: 400,
      run: () => post(`/payments/${NO_SUCH_PAYMENT}/refund`, { amount: 100 }),
    },
    {
      name: 'unknown paymentId',
      operationId: 'refundPayment',
      status: 404,
      run: () => post(`/payments/${NO_SUCH_PAYMENT}/refund`, refundBody),
    },
    ...commonWrite(
      'refundPayment',
      () => `/payments/${NO_SUCH_PAYMENT}/refund`,
      () => refundBody,
      'payments',
      {
        reuse: async () => {
          const id = await runSale()
          settle()
          return reuseKey(`/payments/${id}/refund`, refundBody, { ...refundBody, amount: 500 })
        },
      },
    ),

    // bankTransferPayment
    {
      name: 'ACH payment with a single-use token (1234004)',
      operationId: 'bankTransferPayment',
      status: 201,
      run: async () => post('/bank-transfer-payments', await bank(ACH_TERMINAL, ACH)),
    },
    {
      name: 'PAD payment with a single-use token (1234005)',
      operationId: 'bankTransferPayment',
      status: 201,
      run: async () => post('/bank-transfer-payments', await bank(PAD_TERMINAL, PAD)),
    },
    {
      name: 'ACH payment that saves the account, then one with the secure token',
      operationId: 'bankTransferPayment',
      status: 201,
      run: async () => {
        const first = expect2xx(
          await post(
            '/bank-transfer-payments',
            await bank(ACH_TERMINAL, ACH, { credentialOnFile: { tokenize: true } }),
          ),
          'tokenizing payment',
        )
        const saved = (first.bankAccount as { secureToken: { token: string } }).secureToken.token
        return post('/bank-transfer-payments', {
          processingTerminalId: ACH_TERMINAL,
          order: { orderId: 'bank-repeat', amount: 2500, currency: 'USD' },
          paymentMethod: { type: 'secureToken', token: saved },
        })
      },
    },
    {
      name: 'forced decline (amount ending 01)',
      operationId: 'bankTransferPayment',
      status: 201,
      run: async () => {
        const body = await bank(ACH_TERMINAL, ACH)
        return post('/bank-transfer-payments', { ...body, order: { ...body.order, amount: 2501 } })
      },
    },
    {
      name: 'invalid body (paymentMethod)',
      operationId: 'bankTransferPayment',
      status: 400,
      run: () =>
        post('/bank-transfer-payments', {
          processingTerminalId: ACH_TERMINAL,
          order: { orderId: 'x', amount: 100, currency: 'USD' },
          paymentMethod: { type: 'cheque' },
        }),
    },
    {
      name: 'card single-use token',
      operationId: 'bankTransferPayment',
      status: 400,
      run: async () =>
        post('/bank-transfer-payments', {
          processingTerminalId: ACH_TERMINAL,
          order: { orderId: 'x', amount: 100, currency: 'USD' },
          paymentMethod: { type: 'singleUseToken', token: await apiToken(ACH_TERMINAL, KEYED_CARD) },
        }),
    },
    {
      name: 'terminal without bank transfers',
      operationId: 'bankTransferPayment',
      status: 403,
      run: async () =>
        post('/bank-transfer-payments', {
          ...(await bank(ACH_TERMINAL, ACH)),
          processingTerminalId: CARD_TERMINAL,
        }),
    },
    {
      name: 'forced failure (amount ending 03)',
      operationId: 'bankTransferPayment',
      status: 500,
      run: async () => {
        const body = await bank(ACH_TERMINAL, ACH)
        return post('/bank-transfer-payments', { ...body, order: { ...body.order, amount: 2503 } })
      },
    },
    ...commonWrite(
      'bankTransferPayment',
      () => '/bank-transfer-payments',
      () => bank(ACH_TERMINAL, ACH),
      'payments',
      {
        reuse: async () =>
          reuseKey('/bank-transfer-payments', await bank(ACH_TERMINAL, ACH), await bank(ACH_TERMINAL, ACH)),
      },
    ),

    // getBankTransferPayment
    {
      name: 'retrieve a bank-transfer payment',
      operationId: 'getBankTransferPayment',
      status: 200,
      run: async () => get(`/bank-transfer-payments/${await runBank()}`),
    },
    {
      name: 'unknown paymentId',
      operationId: 'getBankTransferPayment',
      status: 404,
      run: () => get(`/bank-transfer-payments/${NO_SUCH_PAYMENT}`),
    },

    // reverseBankTransferPayment
    {
      name: 'reverse in the open batch (no body)',
      operationId: 'reverseBankTransferPayment',
      status: 200,
      run: async () => post(`/bank-transfer-payments/${await runBank()}/reverse`, ''),
    },
    {
      name: 'reverse twice',
      operationId: 'reverseBankTransferPayment',
      status: 400,
      run: async () => {
        const id = await runBank()
        expect2xx(await post(`/bank-transfer-payments/${id}/reverse`, ''), 'first reverse')
        return post(`/bank-transfer-payments/${id}/reverse`, '')
      },
    },
    {
      name: 'unknown paymentId',
      operationId: 'reverseBankTransferPayment',
      status: 404,
      run: () => post(`/bank-transfer-payments/${NO_SUCH_PAYMENT}/reverse`, ''),
    },
    ...commonWrite(
      'reverseBankTransferPayment',
      () => `/bank-transfer-payments/${NO_SUCH_PAYMENT}/reverse`,
      () => ({}),
      'payments',
      {
        reuse: async () => {
          const [first, second] = [await runBank(), await runBank()]
          return reuseKey(
            `/bank-transfer-payments/${first}/reverse`,
            {},
            {},
            `/bank-transfer-payments/${second}/reverse`,
          )
        },
      },
    ),

    // refundBankTransferPayment
    {
      name: 'refund a settled payment',
      operationId: 'refundBankTransferPayment',
      status: 200,
      run: async () => {
        const id = await runBank()
        settle()
        return post(`/bank-transfer-payments/${id}/refund`, refundBody)
      },
    },
    {
      name: 'refund an unsettled payment',
      operationId: 'refundBankTransferPayment',
      status: 400,
      run: async () => post(`/bank-transfer-payments/${await runBank()}/refund`, refundBody),
    },
    {
      name: 'unknown paymentId',
      operationId: 'refundBankTransferPayment',
      status: 404,
      run: () => post(`/bank-transfer-payments/${NO_SUCH_PAYMENT}/refund`, refundBody),
    },
    ...commonWrite(
      'refundBankTransferPayment',
      () => `/bank-transfer-payments/${NO_SUCH_PAYMENT}/refund`,
      () => refundBody,
      'payments',
      {
        reuse: async () => {
          const id = await runBank()
          settle()
          return reuseKey(`/bank-transfer-payments/${id}/refund`, refundBody, { ...refundBody, amount: 500 })
        },
      },
    ),

    // listSecureTokens
    {
      name: 'list (default page)',
      operationId: 'listSecureTokens',
      status: 200,
      run: async () => {
        await h.saveSecureToken()
        return get(tokensPath())
      },
    },
    {
      name: 'list filtered by last4, paged with limit and after',
      operationId: 'listSecureTokens',
      status: 200,
      run: async () => {
        const first = await h.saveSecureToken()
        await h.saveSecureToken()
        await h.saveSecureToken()
        return get(`${tokensPath()}?last4=7062&limit=1&after=${encodeURIComponent(first)}`)
      },
    },
    {
      name: 'list the page before a token',
      operationId: 'listSecureTokens',
      status: 200,
      run: async () => {
        await h.saveSecureToken()
        const second = await h.saveSecureToken()
        return get(`${tokensPath()}?limit=5&before=${encodeURIComponent(second)}`)
      },
    },
    {
      name: 'limit over 100',
      operationId: 'listSecureTokens',
      status: 400,
      run: () => get(`${tokensPath()}?limit=101`),
    },
    {
      name: 'first6 not 6 digits, before and after together',
      operationId: 'listSecureTokens',
      status: 400,
      run: () => get(`${tokensPath()}?first6=45&before=a&after=b`),
    },
    {
      name: 'unknown cursor',
      operationId: 'listSecureTokens',
      status: 400,
      run: () => get(`${tokensPath()}?after=MREF_nobody`),
    },
    {
      name: 'no Authorization',
      operationId: 'listSecureTokens',
      status: 401,
      run: () => h.call('GET', tokensPath()),
    },
    {
      name: 'terminal without secure tokens',
      operationId: 'listSecureTokens',
      status: 403,
      run: () => get(tokensPath(NO_TOKENS_TERMINAL)),
    },
    {
      name: 'Accept without JSON',
      operationId: 'listSecureTokens',
      status: 406,
      run: () => get(tokensPath(), { Accept: 'text/html' }),
    },
    {
      name: 'gateway failure (fault)',
      operationId: 'listSecureTokens',
      status: 500,
      run: () => {
        fault500('secure-tokens')
        return get(tokensPath())
      },
    },

    // updateSecureToken (JSON Patch)
    {
      name: 'add customer details',
      operationId: 'updateSecureToken',
      status: 200,
      run: async () => patch(tokenPath(await h.saveSecureToken()), addCustomer),
    },
    {
      name: 'replace, test, copy and remove customer details',
      operationId: 'updateSecureToken',
      status: 200,
      run: async () => {
        const id = await h.saveSecureToken()
        expect2xx(await patch(tokenPath(id), addCustomer), 'add')
        return patch(tokenPath(id), [
          ...replaceLastName,
          { op: 'test', path: '/customer/firstName', value: 'Sarah' },
          { op: 'copy', from: '/customer/firstName', path: '/customer/referenceNumber' },
          { op: 'remove', path: '/customer/contactMethods' },
          { op: 'add', path: '/mitAgreement', value: 'recurring' },
        ])
      },
    },
    {
      name: 'a path that cannot be patched',
      operationId: 'updateSecureToken',
      status: 400,
      run: () => patch(tokenPath('MREF_x'), [{ op: 'replace', path: '/token', value: '2967530000000000' }]),
    },
    {
      name: 'a test that fails',
      operationId: 'updateSecureToken',
      status: 400,
      run: async () =>
        patch(tokenPath(await h.saveSecureToken()), [
          { op: 'test', path: '/mitAgreement', value: 'recurring' },
        ]),
    },
    {
      name: 'a body that is not a patch array',
      operationId: 'updateSecureToken',
      status: 400,
      run: () => patch(tokenPath('MREF_x'), { customer: { lastName: 'Reed' } }),
    },
    {
      name: 'terminal without secure tokens',
      operationId: 'updateSecureToken',
      status: 403,
      run: () => patch(tokenPath('MREF_x', NO_TOKENS_TERMINAL), replaceLastName),
    },
    {
      name: 'unknown secureTokenId',
      operationId: 'updateSecureToken',
      status: 404,
      run: () => patch(tokenPath('MREF_nobody'), replaceLastName),
    },
    ...commonWrite(
      'updateSecureToken',
      () => tokenPath('MREF_x'),
      () => replaceLastName,
      'secure-tokens',
      {
        method: 'PATCH',
        reuse: async () => {
          const id = await h.saveSecureToken()
          const key = randomUUID()
          expect2xx(await patch(tokenPath(id), addCustomer, { 'Idempotency-Key': key }), 'first patch')
          return patch(tokenPath(id), replaceLastName, { 'Idempotency-Key': key })
        },
      },
    ),

    // deleteSecureToken
    {
      name: 'delete a saved token',
      operationId: 'deleteSecureToken',
      status: 204,
      run: async () => h.call('DELETE', tokenPath(await h.saveSecureToken()), { headers: h.readHeaders() }),
    },
    {
      name: 'secureTokenId over 200 characters',
      operationId: 'deleteSecureToken',
      status: 400,
      run: () => h.call('DELETE', tokenPath('x'.repeat(201)), { headers: h.readHeaders() }),
    },
    {
      name: 'no Authorization',
      operationId: 'deleteSecureToken',
      status: 401,
      run: () => h.call('DELETE', tokenPath('MREF_x')),
    },
    {
      name: 'terminal without secure tokens',
      operationId: 'deleteSecureToken',
      status: 403,
      run: () => h.call('DELETE', tokenPath('MREF_x', NO_TOKENS_TERMINAL), { headers: h.readHeaders() }),
    },
    {
      name: 'delete twice',
      operationId: 'deleteSecureToken',
      status: 404,
      run: async () => {
        const id = await h.saveSecureToken()
        await h.call('DELETE', tokenPath(id), { headers: h.readHeaders() })
        return h.call('DELETE', tokenPath(id), { headers: h.readHeaders() })
      },
    },
    {
      name: 'gateway failure (fault)',
      operationId: 'deleteSecureToken',
      status: 500,
      run: () => {
        fault500('secure-tokens')
        return h.call('DELETE', tokenPath('MREF_x'), { headers: h.readHeaders() })
      },
    },
    {
      name: 'save with the id of a deleted token',
      operationId: 'createSecureToken',
      status: 409,
      run: async () => {
        const id = await h.saveSecureToken(`MREF_deleted_${randomUUID().slice(0, 8)}`)
        await h.call('DELETE', tokenPath(id), { headers: h.readHeaders() })
        return post(tokensPath(), {
          source: { type: 'singleUseToken', token: await h.libraryToken() },
          secureTokenId: id,
        })
      },
    },
    {
      name: 'save from a single-use token made without a browser',
      operationId: 'createSecureToken',
      status: 201,
      run: async () =>
        post(tokensPath(), {
          source: { type: 'singleUseToken', token: await apiToken(CARD_TERMINAL, KEYED_CARD) },
        }),
    },

    {
      name: 'save an ACH account (1234004) from a single-use token made without a browser',
      operationId: 'createSecureToken',
      status: 201,
      run: async () =>
        post(tokensPath(ACH_TERMINAL), {
          source: { type: 'singleUseToken', token: await apiToken(ACH_TERMINAL, ACH) },
        }),
    },
    {
      name: 'retrieve a PAD account saved during a bank transfer (1234005)',
      operationId: 'getSecureToken',
      status: 200,
      run: async () => {
        const paid = expect2xx(
          await post(
            '/bank-transfer-payments',
            await bank(PAD_TERMINAL, PAD, {
              credentialOnFile: { tokenize: true, mitAgreement: 'recurring' },
            }),
          ),
          'tokenizing PAD payment',
        )
        const saved = (paid.bankAccount as { secureToken: { secureTokenId: string } }).secureToken
        return get(tokenPath(saved.secureTokenId, PAD_TERMINAL))
      },
    },
    {
      name: 'list bank accounts and cards together (1234004)',
      operationId: 'listSecureTokens',
      status: 200,
      run: async () => {
        await post(tokensPath(ACH_TERMINAL), {
          source: { type: 'singleUseToken', token: await apiToken(ACH_TERMINAL, ACH) },
        })
        await post(tokensPath(ACH_TERMINAL), {
          source: { type: 'singleUseToken', token: await apiToken(ACH_TERMINAL, KEYED_CARD) },
        })
        return get(`${tokensPath(ACH_TERMINAL)}?limit=100`)
      },
    },
    {
      name: 'update a saved ACH account from a new single-use token',
      operationId: 'accountUpdate',
      status: 200,
      run: async () => {
        const saved = expect2xx(
          await post(tokensPath(ACH_TERMINAL), {
            source: { type: 'singleUseToken', token: await apiToken(ACH_TERMINAL, ACH) },
          }),
          'save',
        )
        return post(`${tokenPath(String(saved.secureTokenId), ACH_TERMINAL)}/update-account`, {
          type: 'singleUseToken',
          token: await apiToken(ACH_TERMINAL, { ...ACH, accountNumber: '99887766' }),
        })
      },
    },

    // binLookup
    {
      name: 'keyed card, no terminal',
      operationId: 'binLookup',
      status: 200,
      run: () => post('/cards/bin-lookup', { card: KEYED_CARD }),
    },
    {
      name: 'secure token with an amount on the surcharging terminal (1234003)',
      operationId: 'binLookup',
      status: 200,
      run: async () =>
        post('/cards/bin-lookup', {
          processingTerminalId: SURCHARGE_TERMINAL,
          amount: 10_000,
          currency: 'USD',
          card: { type: 'secureToken', token: await savedTokenNumber() },
        }),
    },
    {
      name: 'a BIN',
      operationId: 'binLookup',
      status: 200,
      run: () =>
        post('/cards/bin-lookup', {
          processingTerminalId: CARD_TERMINAL,
          card: { type: 'cardBin', bin: '400006' },
        }),
    },
    {
      name: 'invalid body (card.type)',
      operationId: 'binLookup',
      status: 400,
      run: () => post('/cards/bin-lookup', { card: { type: 'voucher' } }),
    },
    {
      name: 'card number failing Luhn',
      operationId: 'binLookup',
      status: 400,
      run: () =>
        post('/cards/bin-lookup', {
          card: {
            ...KEYED_CARD,
            cardDetails: {
              entryMethod: 'keyed',
              keyedData: { dataFormat: 'plainText', cardNumber: '4111111111111112' },
            },
          },
        }),
    },
    {
      name: 'no Authorization',
      operationId: 'binLookup',
      status: 401,
      run: () => post('/cards/bin-lookup', { card: KEYED_CARD }, {}, ['Authorization']),
    },
    {
      name: 'unknown terminal',
      operationId: 'binLookup',
      status: 403,
      run: () => post('/cards/bin-lookup', { processingTerminalId: UNKNOWN_TERMINAL, card: KEYED_CARD }),
    },
    {
      name: 'unknown secure token',
      operationId: 'binLookup',
      status: 404,
      run: () => post('/cards/bin-lookup', { card: { type: 'secureToken', token: '2967530000000000' } }),
    },
    {
      name: 'Accept without JSON',
      operationId: 'binLookup',
      status: 406,
      run: () => post('/cards/bin-lookup', { card: KEYED_CARD }, { Accept: 'text/html' }),
    },
    {
      name: 'body over 64 KB',
      operationId: 'binLookup',
      status: 413,
      deliberate: h.deliberate413,
      run: () => post('/cards/bin-lookup', oversized()),
    },
    {
      name: 'Content-Type not JSON',
      operationId: 'binLookup',
      status: 415,
      run: () => post('/cards/bin-lookup', { card: KEYED_CARD }, { 'Content-Type': 'text/plain' }),
    },
    {
      name: 'gateway failure (fault)',
      operationId: 'binLookup',
      status: 500,
      run: () => {
        fault500('payments')
        return post('/cards/bin-lookup', { card: KEYED_CARD })
      },
    },
  ]
}
