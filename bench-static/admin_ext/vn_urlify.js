// Django's URLify (used by prepopulated slug fields) knows only part of the
// Vietnamese alphabet and drops letters such as "ậ" or "ế"
// ("Tập huấn" became "tp-hun"). Fold the diacritics first, the same way the
// server does (khuyencong.text.fold), then let URLify do the rest.
(function () {
  "use strict";
  var urlify = window.URLify;
  if (typeof urlify !== "function") {
    return;
  }
  window.URLify = function (text, numChars, allowUnicode) {
    var folded = text
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
    return urlify(folded, numChars, allowUnicode);
  };
})();
