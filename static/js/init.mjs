// Marks the page as able to run GOV.UK Frontend's JavaScript, then starts its components.
// Kept out of the HTML so the Content Security Policy can forbid inline script.
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// A wide table scrolls inside its .app-table-wrapper. A keyboard user can scroll it only if
// the wrapper takes focus, and a screen reader names it only if it is a labelled region: a
// wrapper written without them gets them here, named after its table's caption.
for (const wrapper of document.querySelectorAll(".app-table-wrapper:not([tabindex])")) {
  const caption = wrapper.querySelector("caption");
  const name = wrapper.getAttribute("aria-label") || (caption && caption.textContent.trim());
  if (!name) continue;
  wrapper.setAttribute("role", "region");
  wrapper.setAttribute("aria-label", name);
  wrapper.setAttribute("tabindex", "0");
}
