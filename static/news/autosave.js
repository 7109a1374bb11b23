// Autosave of an article's form (news.review.autosave): every 20 seconds,
// if any field changed since the last save, POST the whole form (text,
// category, tags, cover, times…) with the version the page was opened at
// (the form's own opened_version). The server keeps it as this editor's
// copy; the status is never taken from it and nothing is ever written over
// the article itself. A refusal (someone else saved) stops it and says so.
(function () {
  "use strict";
  var INTERVAL = 20000;
  // Not part of what was typed: the form's token and version.
  var SKIPPED = ["csrfmiddlewaretoken", "opened_version"];

  function start() {
    var panel = document.getElementById("review-panel");
    var form = document.getElementById("article_form");
    if (!panel || !form || !panel.dataset.autosaveUrl) {
      return;
    }
    if (!form.elements.opened_version || !form.elements.title) {
      return;  // read-only: nothing to keep
    }
    var status = document.getElementById("autosave-status");
    var token = form.elements.csrfmiddlewaretoken.value;

    function entries() {
      var kept = [];
      new FormData(form).forEach(function (value, name) {
        if (SKIPPED.indexOf(name) === -1 && typeof value === "string") {
          kept.push([name, value]);
        }
      });
      return kept;
    }
    function snapshot(kept) {
      return kept.map(function (pair) { return pair.join("\u0001"); }).join("\u0000");
    }
    var last = snapshot(entries());
    var timer = null;

    function save() {
      var kept = entries();
      var now = snapshot(kept);
      if (now === last) {
        return;
      }
      var data = new FormData();
      data.append("csrfmiddlewaretoken", token);
      data.append("opened_version", form.elements.opened_version.value);
      kept.forEach(function (pair) { data.append(pair[0], pair[1]); });
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
