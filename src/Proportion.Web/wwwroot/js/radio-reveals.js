// Radios that reveal questions when chosen (GOV.UK's conditional reveal), without aria-expanded: ARIA does not
// allow it on a radio, and axe fails the page for it, so these radios are not handed to GOV.UK Frontend's module.
// The questions follow their radio, so a screen reader reaches them next; without JavaScript they are all shown.
export function initRadioReveals (root = document) {
  for (const group of root.querySelectorAll('[data-module="app-radios"]')) {
    const radios = [...group.querySelectorAll('input[type="radio"]')]
    for (const radio of radios) {
      if (radio.dataset.ariaControls) radio.setAttribute('aria-controls', radio.dataset.ariaControls)
    }
    const sync = () => {
      for (const radio of radios) {
        const revealed = radio.dataset.ariaControls && document.getElementById(radio.dataset.ariaControls)
        if (revealed) revealed.classList.toggle('govuk-radios__conditional--hidden', !radio.checked)
      }
    }
    group.addEventListener('change', sync)
    sync()
  }
}
