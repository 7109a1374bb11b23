// The progress of an import job (preview, confirmation, undo): polls the
// job's JSON status, fills the progress bar, keeps the page's buttons
// disabled while the job runs, and goes to the outcome when it is done.
(function () {
  "use strict";
  var panel = document.getElementById("job-progress");
  if (!panel) {
    return;
  }
  var bar = panel.querySelector("progress");
  var text = panel.querySelector(".job-step");
  var buttons = document.querySelectorAll("[data-job-button]");

  function lock(locked) {
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].disabled = locked;
    }
  }

  function poll() {
    fetch(panel.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (response) {
        return response.json();
      })
      .then(function (status) {
        bar.value = status.percent;
        panel.dataset.state = status.state;
        text.textContent =
          status.step + (status.total ? " (" + status.done + "/" + status.total + ")" : "");
        if (status.state === "done" || status.state === "failed") {
          window.location.assign(status.next);
          return;
        }
        window.setTimeout(poll, 700);
      })
      .catch(function () {
        window.setTimeout(poll, 2000);
      });
  }

  lock(true);
  poll();
})();

// A form sent once: its buttons are disabled as soon as it is submitted.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-once]");
  for (var i = 0; i < forms.length; i++) {
    forms[i].addEventListener("submit", function (event) {
      var inputs = event.target.querySelectorAll("[type=submit]");
      // After the form's data is taken, so the pressed button is sent.
      window.setTimeout(function () {
        for (var j = 0; j < inputs.length; j++) {
          inputs[j].disabled = true;
        }
      }, 0);
    });
  }
})();
