// "Copy link" button on article pages. Loaded as a file (no inline script)
// so a strict Content-Security-Policy can forbid inline scripts.
document.addEventListener("click", function (event) {
  var button = event.target.closest(".copy-link");
  if (!button) return;
  var status = button.parentElement.querySelector(".copy-status");
  var url = button.getAttribute("data-url");
  function done() { if (status) status.textContent = button.getAttribute("data-done"); }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(url).then(done, function () { window.prompt("", url); });
  } else {
    window.prompt("", url);
  }
});
