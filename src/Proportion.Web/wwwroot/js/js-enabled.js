// GOV.UK Frontend's body classes, set before the page is drawn so nothing jumps once scripts run.
// A file rather than inline, because the Content-Security-Policy allows no inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
