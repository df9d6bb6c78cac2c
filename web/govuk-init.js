// Starts GOV.UK Frontend's scripts on the demo careers page: the skip link and the service
// navigation's menu button on small screens. The page loads this file as a module (as GOV.UK
// Frontend's own scripts are), so it runs only in the browsers GOV.UK Frontend supports; it sets the
// classes GOV.UK Frontend's template sets with an inline script, which the page's
// Content-Security-Policy does not allow.
import { initAll } from "./govuk-frontend.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
