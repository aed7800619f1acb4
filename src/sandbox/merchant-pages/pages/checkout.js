/* The sample merchant's checkout code: reads its session token from the form and starts Hosted Fields. */
/* global Payroc */
;(function () {
  'use strict'
  var form = document.getElementById('checkout')
  var status = document.getElementById('status')
  var fields = new Payroc.hostedFields({
    sessionToken: form.getAttribute('data-session-token'),
    mode: 'payment',
    fields: {
      card: {
        cardholderName: {
          target: '.card-holder-name',
          errorTarget: '.card-holder-name-error',
          placeholder: 'Cardholder name',
        },
        cardNumber: { target: '.card-number', errorTarget: '.card-number-error' },
        expiryDate: { target: '.card-expiry', errorTarget: '.card-expiry-error', placeholder: 'MM/YY' },
        cvv: { target: '.card-cvv', wrapperTarget: '.card-cvv-wrapper', errorTarget: '.card-cvv-error' },
        submit: { target: '.submit-button', value: 'Pay now' },
      },
    },
  })
  fields.on('error', function (error) {
    status.textContent = error.type + ': ' + error.message
  })
  fields.on('submissionSuccess', function (result) {
    status.textContent = 'Paid with single-use token ending ' + result.token.slice(-6)
  })
  fields.initialize()
})()
