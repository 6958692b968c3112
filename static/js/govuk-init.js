// Start GOV.UK Frontend's JavaScript components (service navigation menu on small
// screens, error summary focus, skip link …). A module script runs only in browsers
// GOV.UK Frontend supports, so this is where the "supported" class is set; no inline
// script is needed (CSP). Without JavaScript every page still works.
import { initAll } from "../vendor/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
