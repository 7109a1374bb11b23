// Tells the site that this article was read ("Tin đọc nhiều"): one small
// POST that sends no cookie-bound data and does not wait for an answer.
(function () {
  var mark = document.querySelector("[data-read-beacon]");
  if (!mark || !navigator.sendBeacon) return;
  navigator.sendBeacon(mark.getAttribute("data-read-beacon"));
})();
