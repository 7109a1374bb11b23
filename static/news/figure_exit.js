// After a captioned photo, writing goes on below it, not in its caption.
//
// django-prose-editor's Figure leaves the cursor in the caption of a photo
// it inserts, and Enter in a caption (an isolating node) does nothing, so
// the text typed next lands in the caption. Here: Enter in a caption, and
// any insertion of a photo, put the cursor in the paragraph after the
// figure (made when there is none).
(function () {
  "use strict";

  function figureOfCaption(state) {
    var $from = state.selection.$from;
    for (var depth = $from.depth; depth > 0; depth--) {
      if ($from.node(depth).type.name === "caption" && depth > 1 &&
          $from.node(depth - 1).type.name === "figure") {
        return { after: $from.after(depth - 1) };
      }
    }
    return null;
  }

  function exitFigure(editor, figure) {
    var next = editor.state.doc.resolve(figure.after).nodeAfter;
    if (next && next.type.name === "paragraph" && next.content.size === 0) {
      editor.chain().focus().setTextSelection(figure.after + 1).run();
      return;
    }
    editor.chain().focus()
      .insertContentAt(figure.after, { type: "paragraph" })
      .setTextSelection(figure.after + 1)
      .run();
  }

  function countFigures(doc) {
    var count = 0;
    doc.descendants(function (node) {
      if (node.type.name === "figure") { count += 1; }
    });
    return count;
  }

  function watch(editor) {
    var figures = countFigures(editor.state.doc);
    editor.view.dom.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.shiftKey || event.isComposing) { return; }
      var figure = figureOfCaption(editor.state);
      if (figure) {
        event.preventDefault();
        event.stopPropagation();
        exitFigure(editor, figure);
      }
    }, true);
    editor.on("update", function () {
      var now = countFigures(editor.state.doc);
      var inserted = now > figures;
      figures = now;
      var figure = inserted && figureOfCaption(editor.state);
      if (figure) {
        exitFigure(editor, figure);
      }
    });
  }

  document.addEventListener("prose-editor:ready", function (event) {
    if (event.detail && event.detail.editor) {
      watch(event.detail.editor);
    }
  });
})();
