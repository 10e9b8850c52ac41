// A colleague's rating form on a small screen; the form works whole without this file.
// An item answered with a tap or a click folds to one line (its answer and a "Change"
// button) and the next unanswered item comes into view, so the long form shortens as it
// is answered; items answered in a draft kept earlier start folded. Keyboard answers do
// not fold (arrow keys choose as they move). The "next unanswered" link follows along.
(function () {
  "use strict";

  var form = document.querySelector("form.rate-form");
  if (!form) return;
  var cards = Array.prototype.slice.call(form.querySelectorAll("fieldset.item-question"));
  var next = document.querySelector("a.rate-next");
  var byKeyboard = false;

  document.addEventListener("keydown", function () { byKeyboard = true; }, true);
  document.addEventListener("pointerdown", function () { byKeyboard = false; }, true);

  function chosen(card) {
    return card.querySelector("input[type=radio]:checked");
  }

  function firstOpen() {
    return cards.find(function (card) { return !chosen(card); });
  }

  function updateNext() {
    if (!next) return;
    var open = firstOpen();
    next.href = open ? "#" + open.id : "#rate-send";
    next.textContent = next.getAttribute(open ? "data-next-label" : "data-send-label");
  }

  function summary(card) {
    var line = card.querySelector(".item-answer");
    if (line) return line;
    line = document.createElement("div");
    line.className = "item-answer card-body d-flex justify-content-between align-items-center gap-2 py-2";
    var text = document.createElement("span");
    text.className = "item-answer-text";
    var change = document.createElement("button");
    change.type = "button";
    change.className = "btn btn-sm btn-outline-secondary";
    change.textContent = form.getAttribute("data-change-label");
    change.setAttribute("aria-label", form.getAttribute("data-change-label") + ": " +
      card.querySelector("legend").textContent);
    change.addEventListener("click", function () {
      card.classList.remove("is-folded");
      var radio = chosen(card);
      if (radio) radio.focus();
    });
    line.appendChild(text);
    line.appendChild(change);
    card.querySelector("legend").insertAdjacentElement("afterend", line);
    return line;
  }

  function fold(card) {
    var radio = chosen(card);
    if (!radio) return;
    var label = form.querySelector("label[for='" + radio.id + "'] .fw-semibold");
    summary(card).querySelector(".item-answer-text").textContent = label ? label.textContent : "";
    card.classList.add("is-folded");
  }

  cards.forEach(function (card) {
    fold(card);
    card.addEventListener("change", function (event) {
      if (event.target.type !== "radio") return;
      updateNext();
      if (byKeyboard) return;
      // A moment to see the choice land, then fold and bring the next item into view.
      setTimeout(function () {
        fold(card);
        var open = firstOpen();
        var focusTarget = card.querySelector(".item-answer button");
        if (focusTarget) focusTarget.focus({ preventScroll: true });
        (open || document.getElementById("rate-send")).scrollIntoView({ block: "start" });
      }, 250);
    });
  });
  updateNext();
})();
