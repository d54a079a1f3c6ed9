// The pipeline board: a card dragged onto another column posts the move through HTMX, which
// redraws the board. Without a mouse (keyboard, phone) the card's "move to stage" menu does the same.
(function () {
  "use strict";

  function boardOf(el) { return el.closest("[data-board]"); }

  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest("[data-lead]");
    if (!card) return;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.lead);
    card.classList.add("opacity-50");
  });

  document.addEventListener("dragend", function (event) {
    var card = event.target.closest && event.target.closest("[data-lead]");
    if (card) card.classList.remove("opacity-50");
    document.querySelectorAll("[data-stage].drop-target").forEach(function (column) {
      column.classList.remove("drop-target");
    });
  });

  document.addEventListener("dragover", function (event) {
    var column = event.target.closest && event.target.closest("[data-stage]");
    if (!column || !boardOf(column) || boardOf(column).dataset.editable !== "true") return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    column.classList.add("drop-target");
  });

  document.addEventListener("dragleave", function (event) {
    var column = event.target.closest && event.target.closest("[data-stage]");
    if (column && !column.contains(event.relatedTarget)) column.classList.remove("drop-target");
  });

  document.addEventListener("drop", function (event) {
    var column = event.target.closest && event.target.closest("[data-stage]");
    if (!column) return;
    var board = boardOf(column);
    if (!board || board.dataset.editable !== "true") return;
    event.preventDefault();
    column.classList.remove("drop-target");
    var lead = event.dataTransfer.getData("text/plain");
    var card = board.querySelector('[data-lead="' + lead + '"]');
    if (!card || card.dataset.stage === column.dataset.stage) return;
    htmx.ajax("POST", card.dataset.moveUrl, {
      source: card,
      target: "#board",
      swap: "outerHTML",
      values: { stage: column.dataset.stage }
    });
  });
})();
