// Two minutes before a long form's sign-in lapses, says so in an alert that screen readers announce.
// The page already says the time in words, so this only adds the moment; it needs no inline script.
(function () {
  'use strict'
  var WARN_BEFORE_SECONDS = 120
  var warnings = document.querySelectorAll('[data-sign-in-lapse]')
  for (var i = 0; i < warnings.length; i++) {
    var warning = warnings[i]
    var alert = warning.querySelector('[data-sign-in-lapse-alert]')
    // Counted from when the page arrived, not from this device's clock, which may be wrong.
    var secondsLeft = parseInt(warning.getAttribute('data-seconds-left'), 10)
    if (!alert || isNaN(secondsLeft)) {
      continue
    }
    var show = (function (alert, endsAt) {
      return function () {
        alert.textContent = 'You will be signed out at ' + endsAt + ', in less than 2 minutes. Save now to stay signed in.'
      }
    })(alert, warning.getAttribute('data-ends-at'))
    window.setTimeout(show, Math.max(0, secondsLeft - WARN_BEFORE_SECONDS) * 1000)
  }
})()
