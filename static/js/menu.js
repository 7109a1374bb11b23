// The main menu on phones: a button opens and closes it; Escape closes it
// and gives the focus back to the button. Without this script the menu is
// simply always open. Loaded as a file (no inline script) for the CSP.
(function () {
  var nav = document.querySelector("[data-menu]");
  if (!nav) return;
  var button = nav.querySelector(".nav-toggle");
  var menu = document.getElementById(button.getAttribute("aria-controls"));
  nav.classList.add("has-toggle");
  button.hidden = false;

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("is-open", open);
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") return;
    setOpen(false);
    button.focus();
  });
  // Tabbing out of the open menu closes it, so it never covers the page.
  menu.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !nav.contains(event.relatedTarget)) setOpen(false);
  });
})();
