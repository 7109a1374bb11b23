// django-prose-editor passes its dialogs' words through window.gettext (the
// admin's JavaScript catalog, which reads locale/vi/LC_MESSAGES/djangojs.po),
// but writes its toolbar's tooltips and the names in its block-type menu in
// English in its code ("bold", "heading 2", "Heading 2", "undo", "Insert
// table"...). Translate those through the same catalog as the menu is built:
// the title, aria-label and (for buttons and options that show a word, not an
// icon) the text. A word the catalog does not know is left as it is.
(function () {
  "use strict";
  var MENU = ".prose-menubar";
  var ICON = "material-icons";

  function translate(text) {
    if (typeof window.gettext !== "function" || !text) {
      return text;
    }
    return window.gettext(text);
  }

  function setAttribute(element, name) {
    var value = element.getAttribute(name);
    var translated = translate(value);
    if (value && translated !== value) {
      element.setAttribute(name, translated);
    }
  }

  function setText(element) {
    // Only elements holding a single text node: an icon button's ligature
    // ("format_bold") is a word too, but not one to translate.
    if (element.classList.contains(ICON) || element.children.length) {
      return;
    }
    var value = element.textContent;
    var translated = translate(value);
    if (value && translated !== value) {
      element.textContent = translated;
    }
  }

  function translateMenu(root) {
    var elements = [root].concat(Array.prototype.slice.call(
      root.querySelectorAll("button, [title], [aria-label], .prose-menubar__option > *"),
    ));
    elements.forEach(function (element) {
      if (element.nodeType !== 1) {
        return;
      }
      setAttribute(element, "title");
      setAttribute(element, "aria-label");
      if (element.matches(".prose-menubar__option > *, .prose-menubar__button")) {
        setText(element);
      }
    });
  }

  function scan(node) {
    if (node.nodeType !== 1) {
      return;
    }
    if (node.closest(MENU)) {
      translateMenu(node.closest(MENU));
    } else {
      node.querySelectorAll(MENU).forEach(translateMenu);
    }
  }

  var observer = new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      if (mutation.type === "attributes") {
        scan(mutation.target);
      }
      mutation.addedNodes.forEach(scan);
    });
  });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["title", "aria-label"],
  });
})();
