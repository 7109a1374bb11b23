// A video's player is loaded only when the reader asks for it: until then
// the provider (YouTube, Facebook) sees nothing of the reader.
document.addEventListener("click", function (event) {
  var button = event.target.closest(".video-play");
  if (!button) return;
  var box = button.closest("[data-video]");
  var frame = document.createElement("iframe");
  var src = box.getAttribute("data-video");
  frame.src = src + (src.indexOf("?") < 0 ? "?" : "&") + "autoplay=1";
  frame.title = box.getAttribute("data-title");
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  box.replaceChild(frame, button);
  frame.focus();
});
