// Starts GOV.UK Frontend's components, and the radios that reveal questions. Relative, so it works under any path base.
import { initAll } from '../assets/govuk-frontend.min.js';
import { initRadioReveals } from './radio-reveals.js';

initAll();
initRadioReveals();
