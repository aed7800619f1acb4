/**
 * The simulated Hosted Fields library as the merchant page runs it (plain browser JS, ES2020, no dependencies):
 * `window.Payroc.hostedFields`, with the constructor options, option checks, methods and events PAYROC.md
 * describes. It is kept as source text (not compiled TS) so that what the sandbox serves is exactly this code,
 * under tsx, vitest and the electron-vite bundle alike. `__HF_CONFIG__` is replaced with
 * `{ libVersion, origin }` when served. No template literals inside: the text is a String.raw template.
 *
 * Card data never reaches this code: it lives in the field frames (sandbox origin), which talk to each other over
 * a BroadcastChannel and send only validity and events here (see frame-source.ts and README "Simulated library").
 */
export const LIBRARY_SOURCE = String.raw`/* Payroc Hosted Fields — sandbox simulation. */
(function () {
  'use strict'
  var CONFIG = __HF_CONFIG__
  var ORIGIN = CONFIG.origin
  var LIB_VERSION = CONFIG.libVersion
  var SOURCE = 'payroc-hosted-fields'
  var EVENTS = ['submissionSuccess', 'error', 'fieldValidityChange', 'surchargingAllowed', 'surchargingNotAllowed']
  var GROUP_FIELDS = {
    card: ['cardholderName', 'cardNumber', 'expiryDate', 'cvv'],
    ach: ['nameOnAccount', 'accountType', 'achAccountNumber', 'routingNumber'],
    pad: ['nameOnAccount', 'padAccountNumber', 'institutionNumber', 'transitNumber'],
  }
  var TITLES = { cardholderName: 'Cardholder name', cardNumber: 'Card number', expiryDate: 'Expiry date', cvv: 'CVV' }
  var HEIGHTS = { submit: '48px' }
  var READY_TIMEOUT_MS = 15000

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
  }

  function randomId() {
    var bytes = new Uint8Array(16)
    crypto.getRandomValues(bytes)
    return Array.from(bytes, function (b) { return b.toString(16).padStart(2, '0') }).join('')
  }

  /** Every target selector must match exactly one element. */
  function findOne(selector, path, field, problems) {
    if (typeof selector !== 'string' || selector.trim() === '') {
      problems.push({ field: field, message: path + ' is required (a CSS selector).' })
      return null
    }
    var found
    try {
      found = document.querySelectorAll(selector)
    } catch (error) {
      problems.push({ field: field, message: path + " '" + selector + "' is not a valid CSS selector." })
      return null
    }
    if (found.length === 0) {
      problems.push({ field: field, message: path + " '" + selector + "' matches no element; it must match exactly one." })
      return null
    }
    if (found.length > 1) {
      problems.push({ field: field, message: path + " '" + selector + "' matches " + found.length + ' elements; it must match exactly one.' })
      return null
    }
    return found[0]
  }

  function checkGroup(kind, group, problems) {
    var base = 'fields.' + kind
    var elements = {}
    if (!isObject(group)) {
      problems.push({ message: base + ' must be an object.' })
      return elements
    }
    GROUP_FIELDS[kind].concat(['submit']).forEach(function (name) {
      var path = base + '.' + name
      var spec = group[name]
      if (!isObject(spec)) {
        problems.push({ field: name, message: path + ' is required.' })
        return
      }
      var entry = { target: findOne(spec.target, path + '.target', name, problems) }
      if (spec.errorTarget !== undefined) {
        entry.errorTarget = findOne(spec.errorTarget, path + '.errorTarget', name, problems)
      }
      if (spec.placeholder !== undefined && typeof spec.placeholder !== 'string') {
        problems.push({ field: name, message: path + '.placeholder must be a string.' })
      }
      if (name === 'cvv') {
        if ('wrapper' in spec) {
          problems.push({ field: name, message: path + '.wrapper is not an option; did you mean wrapperTarget?' })
        }
        if (spec.wrapperTarget === undefined) {
          problems.push({ field: name, message: path + '.wrapperTarget is required (a selector, or false).' })
        } else if (spec.wrapperTarget !== false) {
          entry.wrapper = findOne(spec.wrapperTarget, path + '.wrapperTarget', name, problems)
        }
      }
      if (name === 'submit' && spec.value !== undefined && typeof spec.value !== 'string') {
        problems.push({ field: name, message: path + '.value must be a string.' })
      }
      elements[name] = entry
    })
    return elements
  }

  function checkOptions(options) {
    var problems = []
    if (!isObject(options)) {
      return { problems: [{ message: 'new Payroc.hostedFields(options): options must be an object.' }] }
    }
    if (typeof options.sessionToken !== 'string' || options.sessionToken.trim() === '') {
      problems.push({ message: 'sessionToken is required.' })
    }
    if (options.mode !== 'payment' && options.mode !== 'tokenization') {
      problems.push({ message: "mode must be 'payment' or 'tokenization'." })
    }
    if (options.styles !== undefined && !isObject(options.styles)) {
      problems.push({ message: 'styles must be an object.' })
    }
    var fields = options.fields
    if (!isObject(fields)) {
      problems.push({ message: 'fields is required and must contain exactly one of card, ach or pad.' })
      return { problems: problems }
    }
    if ('submit' in fields) {
      problems.push({ field: 'submit', message: 'fields.submit is not an option: submit belongs inside fields.card (or fields.ach / fields.pad).' })
    }
    var kinds = ['card', 'ach', 'pad'].filter(function (kind) { return fields[kind] !== undefined })
    if (kinds.length !== 1) {
      problems.push({
        message: 'fields must contain exactly one of card, ach or pad; found ' + (kinds.length === 0 ? 'none' : kinds.join(', ')) + '.',
      })
      return { problems: problems }
    }
    var elements = checkGroup(kinds[0], fields[kinds[0]], problems)
    if (problems.length === 0 && kinds[0] !== 'card') {
      problems.push({ message: 'fields.' + kinds[0] + ': the sandbox simulates card fields only (ach and pad options are checked, not rendered).' })
    }
    return { problems: problems, kind: kinds[0], elements: elements }
  }

  function failure(type, message) {
    var error = new Error(message)
    error.type = type
    return error
  }

  class HostedFields {
    constructor(options) {
      this._options = options
      this._handlers = {}
      this._instanceId = randomId()
      this._frames = []
      this._errorTargets = []
      this._destroyed = false
      this._started = null
      this._ready = null
      this._surcharging = null
      this._onMessage = this._handleMessage.bind(this)
    }

    on(eventName, handler) {
      if (typeof handler !== 'function') throw new TypeError('Payroc.hostedFields.on(eventName, handler): handler must be a function.')
      // Like most event APIs, an unknown name is not an error: it is ignored, with a warning for the developer.
      if (EVENTS.indexOf(eventName) === -1) {
        console.warn('Payroc Hosted Fields: unknown event "' + String(eventName) + '" ignored; events are ' + EVENTS.join(', ') + '.')
        return this
      }
      if (!this._destroyed) (this._handlers[eventName] = this._handlers[eventName] || []).push(handler)
      return this
    }

    initialize() {
      if (!this._started) this._started = this._start()
      return this._started
    }

    destroy() {
      if (this._destroyed) return
      this._destroyed = true
      this._handlers = {}
      window.removeEventListener('message', this._onMessage)
      this._frames.forEach(function (frame) { frame.remove() })
      this._frames = []
      this._errorTargets.forEach(function (element) { element.textContent = '' })
      if (this._ready) this._ready.reject(failure('init', 'This Hosted Fields instance was destroyed.'))
    }

    _emit(eventName, payload) {
      if (this._destroyed) return
      var handlers = (this._handlers[eventName] || []).slice()
      handlers.forEach(function (handler) {
        try {
          handler(payload)
        } catch (error) {
          console.error(error)
        }
      })
    }

    _fail(type, message, field) {
      var payload = { type: type, message: message }
      if (field !== undefined) payload.field = field
      this._emit('error', payload)
      return failure(type, message)
    }

    async _start() {
      if (this._destroyed) throw failure('init', 'This Hosted Fields instance was destroyed.')
      var checked = checkOptions(this._options)
      if (checked.problems.length > 0) {
        var self = this
        checked.problems.forEach(function (problem) { self._fail('config', problem.message, problem.field) })
        throw failure('config', checked.problems[0].message)
      }
      var options = this._options
      var session
      try {
        var response = await fetch(ORIGIN + '/hosted-fields/sessions/initialize', {
          method: 'POST',
          mode: 'cors',
          credentials: 'omit',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({
            sessionToken: options.sessionToken,
            libVersion: LIB_VERSION,
            mode: options.mode,
            instanceId: this._instanceId,
          }),
        })
        session = await response.json().catch(function () { return null })
        if (!response.ok) {
          var detail = isObject(session) && typeof session.detail === 'string' ? session.detail : ''
          if (this._destroyed) throw failure('init', 'This Hosted Fields instance was destroyed.')
          throw this._fail('init', detail || 'Hosted Fields could not be initialised (HTTP ' + response.status + ').')
        }
      } catch (error) {
        if (error && error.type) throw error
        if (this._destroyed) throw failure('init', 'This Hosted Fields instance was destroyed.')
        throw this._fail('init', 'Hosted Fields could not reach ' + ORIGIN + ' (network error, or the page\'s Content-Security-Policy blocks it).')
      }
      if (this._destroyed) throw failure('init', 'This Hosted Fields instance was destroyed.')
      this._surcharging = isObject(session) && isObject(session.surcharging) ? session.surcharging : { allowed: false }
      await this._render(checked.elements)
    }

    _render(elements) {
      var self = this
      var card = this._options.fields.card
      var styles = isObject(this._options.styles) ? this._options.styles : {}
      var inputCss = isObject(styles.css) && isObject(styles.css.input) ? JSON.stringify(styles.css.input) : ''
      var pending = new Set(GROUP_FIELDS.card.concat(['submit']))
      var ready = new Promise(function (resolve, reject) {
        var timer = setTimeout(function () {
          reject(self._fail('init', 'The Hosted Fields frames did not load from ' + ORIGIN + ' (check the page\'s Content-Security-Policy frame-src).'))
        }, READY_TIMEOUT_MS)
        self._ready = {
          done: function (field) {
            pending.delete(field)
            if (pending.size === 0) { clearTimeout(timer); self._ready = null; resolve() }
          },
          reject: function (error) { clearTimeout(timer); self._ready = null; reject(error) },
        }
      })
      window.addEventListener('message', this._onMessage)
      GROUP_FIELDS.card.concat(['submit']).forEach(function (name) {
        var spec = card[name]
        var params = new URLSearchParams({ field: name, instance: self._instanceId, parentOrigin: window.location.origin })
        if (typeof spec.placeholder === 'string') params.set('placeholder', spec.placeholder)
        if (name === 'submit') params.set('value', typeof spec.value === 'string' ? spec.value : 'Submit')
        if (styles.disableDefaultStyles === true) params.set('defaultStyles', '0')
        if (inputCss && name !== 'submit') params.set('css', inputCss)
        var frame = document.createElement('iframe')
        frame.src = ORIGIN + '/hosted-fields/frame?' + params.toString()
        frame.title = name === 'submit' ? (typeof spec.value === 'string' ? spec.value : 'Submit') : TITLES[name]
        frame.setAttribute('data-payroc-field', name)
        frame.setAttribute('scrolling', 'no')
        frame.style.border = '0'
        frame.style.width = '100%'
        frame.style.height = HEIGHTS[name] || '44px'
        frame.style.display = 'block'
        elements[name].target.appendChild(frame)
        if (elements[name].errorTarget) self._errorTargets.push(elements[name].errorTarget)
        self._frames.push(frame)
      })
      this._elements = elements
      return ready
    }

    _showError(field, message) {
      var entry = this._elements && this._elements[field]
      if (entry && entry.errorTarget) entry.errorTarget.textContent = message || ''
    }

    _handleMessage(event) {
      if (this._destroyed || event.origin !== ORIGIN) return
      var data = event.data
      if (!isObject(data) || data.source !== SOURCE || data.instanceId !== this._instanceId) return
      var frame = this._frames.find(function (candidate) { return candidate.contentWindow === event.source })
      if (!frame) return
      // The field is the one this frame was created for, whatever the message claims.
      var field = frame.getAttribute('data-payroc-field')
      switch (data.type) {
        case 'ready':
          if (field === 'submit') {
            frame.contentWindow.postMessage(
              { source: SOURCE, instanceId: this._instanceId, type: 'session', sessionToken: this._options.sessionToken, mode: this._options.mode },
              ORIGIN,
            )
          }
          if (this._ready) this._ready.done(field)
          break
        case 'validity': {
          if (field === 'submit') return
          var validationError = typeof data.validationError === 'string' ? data.validationError : undefined
          this._showError(field, validationError)
          this._emit('fieldValidityChange', { field: field, validationError: validationError })
          if (field === 'cardNumber' && validationError === undefined && data.cardChanged === true) this._surcharge()
          break
        }
        case 'fieldError':
          if (field !== 'submit' || !TITLES[data.field] || typeof data.message !== 'string') return
          this._showError(data.field, data.message)
          this._emit('error', { type: 'field', field: data.field, message: data.message })
          break
        case 'success':
          if (field !== 'submit' || typeof data.token !== 'string') return
          this._emit('submissionSuccess', { token: data.token, expiresAt: data.expiresAt })
          break
        case 'submissionError':
          if (field !== 'submit' || typeof data.message !== 'string') return
          this._emit('error', { type: 'submission', message: data.message })
          break
      }
    }

    /** Surcharging is decided per card (payment mode only), so it is announced when a valid card number is entered. */
    _surcharge() {
      if (this._options.mode !== 'payment' || !this._surcharging) return
      if (this._surcharging.allowed) {
        this._emit('surchargingAllowed', { percentage: this._surcharging.percentage, disclosure: this._surcharging.disclosure })
      } else {
        this._emit('surchargingNotAllowed', {})
      }
    }
  }

  function hostedFields(options) {
    if (!new.target) throw new TypeError("Payroc.hostedFields is a constructor: use 'new Payroc.hostedFields(options)'.")
    return new HostedFields(options)
  }
  hostedFields.prototype = HostedFields.prototype
  hostedFields.version = LIB_VERSION

  var root = (window.Payroc = window.Payroc || {})
  root.hostedFields = hostedFields
})()
`

/** The served script for one libVersion on one sandbox origin. */
export function librarySource(libVersion: string, origin: string): string {
  // JSON inside a script: escape '<' so the config can never close a surrounding tag.
  const config = JSON.stringify({ libVersion, origin }).replace(/</g, '\\u003c')
  return LIBRARY_SOURCE.replace('__HF_CONFIG__', config)
}
