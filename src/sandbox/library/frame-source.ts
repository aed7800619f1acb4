import { luhnValid } from '../cards'

/**
 * The script of one field frame (served from the sandbox origin at /hosted-fields/frame.js): plain browser JS.
 * Card data stays on the sandbox origin: field frames answer the submit frame over BroadcastChannel
 * `hf-<instanceId>`; only validity, field errors and submission results go to the merchant page, by postMessage to
 * the exact parentOrigin. Messages from the parent are accepted only from window.parent at parentOrigin.
 */
export const FRAME_SOURCE = String.raw`/* Payroc Hosted Fields — sandbox field frame. */
(function () {
  'use strict'
  var SOURCE = 'payroc-hosted-fields'
  var FIELDS = ['cardholderName', 'cardNumber', 'expiryDate', 'cvv']
  var COLLECT_TIMEOUT_MS = 3000
  var params = new URLSearchParams(window.location.search)
  var field = params.get('field')
  var instanceId = params.get('instance')
  var parentOrigin = params.get('parentOrigin')
  var channel = new BroadcastChannel('hf-' + instanceId)

  function toParent(message) {
    message.source = SOURCE
    message.instanceId = instanceId
    window.parent.postMessage(message, parentOrigin)
  }

  function digitsOf(value) {
    return value.replace(/[\s-]/g, '')
  }

  // The sandbox's own check (cards.ts luhnValid: 12 to 19 digits passing Luhn), inlined as its compiled source.
  var luhnValid = ${luhnValid.toString()}

  var VALIDATE = {
    cardholderName: function (value) {
      var name = value.trim()
      if (name === '') return 'Cardholder name is required.'
      if (name.length > 100) return 'Cardholder name must be 100 characters or fewer.'
      return undefined
    },
    cardNumber: function (value) {
      var digits = digitsOf(value)
      if (digits === '') return 'Card number is required.'
      if (!luhnValid(digits)) return 'Card number is invalid.'
      return undefined
    },
    expiryDate: function (value) {
      var text = value.trim()
      if (text === '') return 'Expiry date is required.'
      var match = /^(\d{2})\s*\/\s*(\d{2})$/.exec(text)
      if (!match) return 'Expiry date must be in MM/YY format.'
      var month = Number(match[1])
      var year = 2000 + Number(match[2])
      if (month < 1 || month > 12) return 'Expiry month must be between 01 and 12.'
      var now = new Date()
      var current = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1
      if (year * 12 + month < current) return 'Expiry date is in the past.'
      return undefined
    },
    cvv: function (value) {
      if (value === '') return 'CVV is required.'
      if (!/^\d{3,4}$/.test(value)) return 'CVV must be 3 or 4 digits.'
      return undefined
    },
  }

  var FORMAT = {
    cardNumber: function (value) {
      var digits = value.replace(/\D/g, '').slice(0, 19)
      var groups = /^3[47]/.test(digits) ? [4, 6, 5] : [4, 4, 4, 4, 3]
      var out = []
      var offset = 0
      for (var i = 0; i < groups.length && offset < digits.length; i++) {
        out.push(digits.slice(offset, offset + groups[i]))
        offset += groups[i]
      }
      if (offset < digits.length) out.push(digits.slice(offset))
      return out.join(' ')
    },
    expiryDate: function (value) {
      var digits = value.replace(/\D/g, '').slice(0, 4)
      return digits.length > 2 ? digits.slice(0, 2) + '/' + digits.slice(2) : digits
    },
    cvv: function (value) {
      return value.replace(/\D/g, '').slice(0, 4)
    },
  }

  // Only these properties of styles.css.input reach the input, through the CSSOM (never as CSS text).
  var ALLOWED_CSS = [
    'color', 'background-color', 'caret-color', 'font-family', 'font-size', 'font-style', 'font-weight',
    'letter-spacing', 'line-height', 'text-align', 'text-transform', 'padding', 'padding-top', 'padding-right',
    'padding-bottom', 'padding-left', 'border', 'border-color', 'border-style', 'border-width', 'border-radius',
    'border-bottom', 'box-shadow', 'outline', 'height', 'width',
  ]

  function applyCss(element) {
    var raw = params.get('css')
    if (!raw) return
    var css
    try {
      css = JSON.parse(raw)
    } catch (error) {
      return
    }
    if (css === null || typeof css !== 'object') return
    Object.keys(css).forEach(function (key) {
      var property = key.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase() })
      var value = css[key]
      if (ALLOWED_CSS.indexOf(property) === -1) return
      if (typeof value !== 'string' && typeof value !== 'number') return
      value = String(value)
      if (/url\s*\(|expression|image-set|[;{}<>\\]/i.test(value)) return
      element.style.setProperty(property, value)
    })
  }

  function setupInput(input) {
    var UNREPORTED = {}
    var reported = UNREPORTED
    var touched = false
    var surchargeFor = ''
    applyCss(input)

    function update() {
      var error = VALIDATE[field](input.value)
      input.setAttribute('aria-invalid', touched && error !== undefined ? 'true' : 'false')
      if (error === reported) return error
      // Not yet blurred and still invalid: stay quiet while the user types (unless it was valid before).
      if (error !== undefined && !touched && reported === UNREPORTED) return error
      reported = error
      var message = { type: 'validity', validationError: error === undefined ? null : error }
      if (field === 'cardNumber' && error === undefined && digitsOf(input.value) !== surchargeFor) {
        surchargeFor = digitsOf(input.value)
        message.cardChanged = true
      }
      toParent(message)
      return error
    }

    input.addEventListener('input', function () {
      var format = FORMAT[field]
      if (format) {
        var atEnd = input.selectionStart === input.value.length
        var formatted = format(input.value)
        if (formatted !== input.value) {
          input.value = formatted
          if (atEnd) input.setSelectionRange(formatted.length, formatted.length)
        }
      }
      update()
    })
    input.addEventListener('blur', function () {
      touched = true
      update()
    })
    channel.addEventListener('message', function (event) {
      var message = event.data
      if (!message || message.type !== 'collect' || typeof message.requestId !== 'string') return
      touched = true
      var error = update()
      channel.postMessage({
        type: 'value',
        requestId: message.requestId,
        field: field,
        value: field === 'cardNumber' ? digitsOf(input.value) : input.value.trim(),
        validationError: error === undefined ? null : error,
      })
    })
  }

  function collect() {
    return new Promise(function (resolve) {
      var requestId = String(Math.random()).slice(2) + String(Date.now())
      var values = {}
      var finish = function () {
        clearTimeout(timer)
        channel.removeEventListener('message', onMessage)
        resolve(values)
      }
      var onMessage = function (event) {
        var message = event.data
        if (!message || message.type !== 'value' || message.requestId !== requestId) return
        if (FIELDS.indexOf(message.field) === -1) return
        values[message.field] = message
        if (FIELDS.every(function (name) { return values[name] })) finish()
      }
      var timer = setTimeout(finish, COLLECT_TIMEOUT_MS)
      channel.addEventListener('message', onMessage)
      channel.postMessage({ type: 'collect', requestId: requestId })
    })
  }

  function problemMessage(body, status) {
    if (body && typeof body.detail === 'string') {
      var details = Array.isArray(body.errors)
        ? body.errors
            .map(function (item) { return item && (item.detail || item.message) })
            .filter(function (text) { return typeof text === 'string' && text !== body.detail })
        : []
      return details.length > 0 ? body.detail + ' ' + details.join('; ') + '.' : body.detail
    }
    return 'The payment gateway answered HTTP ' + status + '.'
  }

  function setupSubmit(button) {
    var sessionToken = null
    var busy = false
    window.addEventListener('message', function (event) {
      if (event.source !== window.parent || event.origin !== parentOrigin) return
      var data = event.data
      if (!data || data.source !== SOURCE || data.instanceId !== instanceId) return
      if (data.type === 'session' && typeof data.sessionToken === 'string') sessionToken = data.sessionToken
    })

    async function submit() {
      var values = await collect()
      var invalid = false
      FIELDS.forEach(function (name) {
        var entry = values[name]
        var message = entry ? entry.validationError : 'The ' + name + ' field did not answer.'
        if (typeof message === 'string') {
          invalid = true
          toParent({ type: 'fieldError', field: name, message: message })
        }
      })
      if (invalid) return
      if (!sessionToken) {
        toParent({ type: 'submissionError', message: 'Hosted Fields is not initialised.' })
        return
      }
      var response
      try {
        response = await fetch('/hosted-fields/single-use-tokens', {
          method: 'POST',
          credentials: 'omit',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({
            sessionToken: sessionToken,
            cardholderName: values.cardholderName.value,
            cardNumber: values.cardNumber.value,
            expiryDate: values.expiryDate.value,
            cvv: values.cvv.value,
          }),
        })
      } catch (error) {
        toParent({ type: 'submissionError', message: 'Could not reach the payment gateway; please try again.' })
        return
      }
      var body = await response.json().catch(function () { return null })
      if (response.status === 201 && body && typeof body.token === 'string') {
        toParent({ type: 'success', token: body.token, expiresAt: body.expiresAt })
      } else {
        toParent({ type: 'submissionError', message: problemMessage(body, response.status) })
      }
    }

    button.addEventListener('click', function () {
      if (busy) return
      busy = true
      button.disabled = true
      submit().finally(function () {
        busy = false
        button.disabled = false
      })
    })
  }

  var input = document.getElementById('hf-input')
  var button = document.getElementById('hf-submit')
  if (input) setupInput(input)
  else if (button) setupSubmit(button)
  toParent({ type: 'ready' })
})()
`
