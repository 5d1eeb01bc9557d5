// Starts GOV.UK Frontend's components. Relative, so it works under any path base.
import { initAll } from '../assets/govuk-frontend.min.js';

initAll();
