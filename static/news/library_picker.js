// The picker the editor's image dialog opens ("Chọn ảnh…"): choosing an
// image (or uploading one) hands its address, id, alt text and caption back
// to the dialog through the callback django-prose-editor's Figure
// extension installs (CKEditor's file-browser protocol), then closes.
(function () {
  "use strict";

  function choose(funcNum, image) {
    var opener = window.opener;
    if (opener && opener.CKEDITOR && funcNum) {
      opener.CKEDITOR.tools.callFunction(Number(funcNum), image.url, {
        id: image.id,
        alternative_text: image.alt,
        caption: image.caption,
      });
      window.close();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var picker = document.getElementById("library-picker");
    if (!picker) { return; }
    var funcNum = picker.dataset.funcNum;
    picker.addEventListener("click", function (event) {
      var button = event.target.closest(".library-choice");
      if (!button) { return; }
      choose(funcNum, {
        id: Number(button.dataset.id),
        url: button.dataset.url,
        alt: button.dataset.alt,
        caption: button.dataset.caption,
      });
    });
    picker.addEventListener("library:uploaded", function (event) {
      choose(funcNum, event.detail);
    });
  });
})();
