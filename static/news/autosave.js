// Autosave of an article's text (news.review.autosave): every 20 seconds,
// if the title, lead or body changed since the last save, POST them with the
// version the page was opened at. A refusal (someone else saved) stops it
// and says so; nothing is ever written over the article itself.
(function () {
  "use strict";
  var INTERVAL = 20000;

  function start() {
    var panel = document.getElementById("review-panel");
    var form = document.getElementById("article_form");
    if (!panel || !form || !panel.dataset.autosaveUrl) {
      return;
    }
    var status = document.getElementById("autosave-status");
    var fields = ["title", "lead", "body"].map(function (name) {
      return form.elements[name];
    });
    if (fields.some(function (field) { return !field; })) {
      return;
    }
    var token = form.elements.csrfmiddlewaretoken.value;
    function snapshot() {
      return fields.map(function (field) { return field.value; }).join("\u0000");
    }
    var last = snapshot();
    var timer = null;

    function save() {
      var now = snapshot();
      if (now === last) {
        return;
      }
      var data = new FormData();
      data.append("csrfmiddlewaretoken", token);
      data.append("based_on", panel.dataset.autosaveToken);
      fields.forEach(function (field) { data.append(field.name, field.value); });
      fetch(panel.dataset.autosaveUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token }
      }).then(function (response) {
        return response.json().then(function (answer) {
          if (response.ok) {
            last = now;
            status.textContent = answer.saved;
          } else {
            status.textContent = answer.error || "";
            status.classList.add("errornote");
            if (response.status === 409) {
              window.clearInterval(timer);
            }
          }
        });
      }).catch(function () {
        // Offline for a moment: the next round tries again.
      });
    }
    timer = window.setInterval(save, INTERVAL);
    form.addEventListener("submit", function () { window.clearInterval(timer); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
