// The image library's drop zone (the library's list page, and the picker
// the editor's image dialog opens): files dropped or chosen are listed,
// each with the words it needs (alt text required), and sent one by one to
// the library's upload endpoint. The server's (Vietnamese) refusal is shown
// on the file's row. In the picker, an uploaded image is chosen at once.
(function () {
  "use strict";

  function readPreview(file, img) {
    var reader = new FileReader();
    reader.onload = function () { img.src = reader.result; };
    reader.readAsDataURL(file);
  }

  function setup(zone) {
    var queue = zone.querySelector(".library-queue");
    var template = zone.querySelector("template.library-row");
    var input = zone.querySelector(".library-files");
    var send = zone.querySelector(".library-send");
    var token = zone.querySelector("input[name=csrfmiddlewaretoken]").value;
    var picking = zone.dataset.mode === "pick";
    var pending = [];

    function add(files) {
      if (picking) {
        queue.textContent = "";
        pending = [];
      }
      Array.prototype.forEach.call(files, function (file) {
        var row = template.content.firstElementChild.cloneNode(true);
        readPreview(file, row.querySelector("img"));
        queue.appendChild(row);
        pending.push({ file: file, row: row });
      });
      send.hidden = pending.length === 0;
      var first = queue.querySelector("input[name=alt_text]");
      if (first) { first.focus(); }
    }

    function status(row, text, failed) {
      var line = row.querySelector(".library-item-status");
      line.textContent = text;
      line.classList.toggle("errornote", Boolean(failed));
    }

    function upload(item) {
      var row = item.row;
      var alt = row.querySelector("input[name=alt_text]");
      if (!alt.value.trim()) {
        status(row, zone.dataset.msgAlt, true);
        alt.focus();
        return Promise.resolve(false);
      }
      var data = new FormData();
      data.append("file", item.file);
      ["alt_text", "caption", "credit"].forEach(function (name) {
        data.append(name, row.querySelector("input[name=" + name + "]").value);
      });
      status(row, zone.dataset.msgSending, false);
      return fetch(zone.dataset.uploadUrl, {
        method: "POST",
        body: data,
        headers: { "X-CSRFToken": token },
        credentials: "same-origin",
      }).then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            status(row, body.error || zone.dataset.msgFailed, true);
            return false;
          }
          status(row, zone.dataset.msgSent, false);
          item.done = true;
          zone.dispatchEvent(new CustomEvent("library:uploaded", { detail: body, bubbles: true }));
          return true;
        });
      }).catch(function () {
        status(row, zone.dataset.msgFailed, true);
        return false;
      });
    }

    send.addEventListener("click", function () {
      var items = pending.filter(function (item) { return !item.done; });
      send.disabled = true;
      items.reduce(function (chain, item) {
        return chain.then(function (results) {
          return upload(item).then(function (ok) { return results.concat([ok]); });
        });
      }, Promise.resolve([])).then(function (results) {
        send.disabled = false;
        if (!picking && results.length && results.every(Boolean)) {
          window.location.reload();
        }
      });
    });
    input.addEventListener("change", function () { add(input.files); });
    zone.addEventListener("dragover", function (event) {
      event.preventDefault();
      zone.classList.add("library-drop-over");
    });
    zone.addEventListener("dragleave", function () {
      zone.classList.remove("library-drop-over");
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.classList.remove("library-drop-over");
      add(event.dataTransfer.files);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".library-drop").forEach(setup);
  });
})();
