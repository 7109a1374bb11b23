// The library image's change form: a click on the preview sets the focal
// point (the part kept when the image is cropped to a fixed ratio) into
// the two number fields, and the mark shows where it is.
(function () {
  "use strict";

  function place(mark, x, y) {
    mark.style.left = (x * 100) + "%";
    mark.style.top = (y * 100) + "%";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var picker = document.querySelector(".focal-picker");
    var fieldX = document.getElementById("id_focal_x");
    var fieldY = document.getElementById("id_focal_y");
    if (!picker || !fieldX || !fieldY) { return; }
    var mark = picker.querySelector(".focal-mark");
    place(mark, Number(fieldX.value), Number(fieldY.value));
    picker.querySelector("img").addEventListener("click", function (event) {
      var box = event.target.getBoundingClientRect();
      var x = Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1);
      var y = Math.min(Math.max((event.clientY - box.top) / box.height, 0), 1);
      fieldX.value = x.toFixed(3);
      fieldY.value = y.toFixed(3);
      place(mark, x, y);
    });
  });
})();
