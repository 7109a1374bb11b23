/* The article form's figure check (templates/admin/news/article/figure_check.html):
   a click on a quoted number shows how it was read; a click on a reading (or
   "không phải số liệu") saves the editor's choice without reloading the page,
   and the panel is replaced by the one the server renders anew. */
(function () {
  "use strict";

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function show(panel, key) {
    var shown = null;
    panel.querySelectorAll(".fc-detail").forEach(function (detail) {
      detail.hidden = detail.dataset.key !== key;
      if (!detail.hidden) {
        shown = detail;
      }
    });
    panel.querySelectorAll(".fc-number").forEach(function (number) {
      number.setAttribute("aria-expanded", String(number.dataset.key === key));
    });
    if (shown) {
      shown.focus();
    }
  }

  function replace(panel, html, key, said) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var fresh = holder.querySelector("#figure-check");
    panel.replaceWith(fresh);
    show(fresh, key);
    fresh.querySelector(".fc-status").textContent = said;
  }

  function save(panel, button) {
    var detail = button.closest(".fc-detail, .fc-lost");
    var key = detail.dataset.key;
    var status = panel.querySelector(".fc-status");
    var data = new FormData();
    data.append("key", key);
    data.append("reading", button.dataset.reading);
    // The binding as this panel shows it: a choice made after another tab
    // or user changed it is refused (409) with a message saying so, and
    // the panel as it is now.
    data.append("seen", detail.dataset.seen || "");
    status.textContent = panel.dataset.saving;
    panel.querySelectorAll(".fc-bind").forEach(function (b) { b.disabled = true; });
    fetch(panel.dataset.url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" }
    })
      .then(function (response) {
        // A refusal of the route itself (403 of a stale CSRF token, 404…)
        // is a page, not JSON.
        var fallback = response.status === 403 ? panel.dataset.forbidden : "";
        return response.json().then(function (answer) {
          return { ok: response.ok, answer: answer, fallback: fallback };
        }, function () {
          return { ok: false, answer: {}, fallback: fallback };
        });
      })
      .then(function (result) {
        if (!result.ok && !(result.answer.error && result.answer.html)) {
          throw {
            said: result.answer.error || result.fallback || panel.dataset.failed
          };
        }
        // Saved, or refused as a conflict (409) with the panel as it is
        // now: it replaces this one, the rest of the form untouched.
        replace(panel, result.answer.html, key,
          result.ok ? result.answer.message : result.answer.error);
      })
      .catch(function (error) {
        panel.querySelectorAll(".fc-bind").forEach(function (b) { b.disabled = false; });
        status.textContent = (error && error.said) || panel.dataset.failed;
      });
  }

  document.addEventListener("click", function (event) {
    var panel = document.getElementById("figure-check");
    if (!panel || !panel.contains(event.target)) {
      return;
    }
    var number = event.target.closest(".fc-number");
    if (number) {
      show(panel, number.dataset.key);
      return;
    }
    var bind = event.target.closest(".fc-bind");
    if (bind && !bind.disabled) {
      save(panel, bind);
    }
  });
})();
