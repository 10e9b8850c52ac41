// Progressive touches; every page works without this file.
(function () {
  "use strict";

  function csrfToken(form) {
    var field = form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  // Copy buttons beside read-only links (resume link, share link, invitation links).
  // A button with data-copied-url also tells the server, which then stops keeping the
  // link (a colleague's invitation), and shows the note that says so.
  function copyButton(button) {
    var input = document.getElementById(button.getAttribute("data-copy-target"));
    if (!input || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () {
        button.textContent = button.getAttribute("data-copied-label");
        var url = button.getAttribute("data-copied-url");
        if (!url || !window.fetch) return;
        fetch(url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "X-CSRFToken": csrfToken(document), Accept: "application/json" },
        }).then(function (response) {
          var note = document.getElementById(button.getAttribute("data-copied-note"));
          if (response.ok && note) note.textContent = note.getAttribute("data-copied-text");
        }).catch(function () {});
      });
    });
  }
  document.querySelectorAll("[data-copy-target]").forEach(copyButton);

  // The example asked for a rating of 3 or 4 shows only beside such a rating (without
  // this file it is always there, labelled as optional). One that is already written
  // stays visible whatever the rating, so nothing typed disappears from sight.
  document.querySelectorAll(".item-question").forEach(function (card) {
    var box = card.querySelector(".evidence-field");
    if (!box) return;
    var from = parseInt(box.getAttribute("data-evidence-from"), 10);
    var text = box.querySelector("textarea");
    function update() {
      var chosen = card.querySelector("input[type=radio]:checked");
      var high = chosen && parseInt(chosen.value, 10) >= from;
      box.hidden = !high && !text.value.trim();
    }
    card.querySelectorAll("input[type=radio]").forEach(function (radio) {
      radio.addEventListener("change", update);
    });
    update();
  });

  // Autosave on a questionnaire step and on a colleague's rating form: each change is
  // posted in the background, the status line says whether it is kept, the count of
  // answers follows what the server kept, and leaving with unsaved changes asks first.
  // A form with data-autosave-go posts that as its "go" (the rating form's draft).
  var stepForm = document.querySelector("form[data-autosave-url]");
  var autosave = null;
  if (stepForm) autosave = startAutosave(stepForm);

  function startAutosave(form) {
    var url = form.getAttribute("data-autosave-url");
    var status = form.querySelector(".autosave-status");
    var counter = document.getElementById("answered-count");
    var bar = document.querySelector("[role=progressbar][aria-labelledby=answered-count]");
    var fill = bar && bar.querySelector(".progress-bar");
    var dirty = false; // changes not yet confirmed by the server
    var inFlight = null; // the pending save's promise
    var timer = null;
    var retryDelay = 2000;
    var submitting = false;

    function say(text, state) {
      status.hidden = false;
      status.textContent = text;
      status.setAttribute("data-state", state);
    }

    function body() {
      var data = new FormData(form);
      data.delete("go");
      if (form.hasAttribute("data-autosave-go")) data.set("go", form.getAttribute("data-autosave-go"));
      return data;
    }

    function save() {
      clearTimeout(timer);
      if (inFlight) {
        // A change made while a save is on its way goes in the next one.
        return inFlight.then(function () { return dirty ? save() : true; });
      }
      var sent = dirty;
      dirty = false;
      say(form.getAttribute("data-saving-label"), "saving");
      inFlight = fetch(url, {
        method: "POST",
        body: body(),
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(form), Accept: "application/json" },
      })
        .then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (json) {
            return { ok: response.ok, status: response.status, json: json };
          });
        })
        .then(function (result) {
          inFlight = null;
          if (result.ok) {
            retryDelay = 2000;
            if (!dirty) say(form.getAttribute("data-saved-label"), "saved");
            if (typeof result.json.answered === "number") showAnswered(result.json.answered);
            return true;
          }
          if (result.status >= 400 && result.status < 500) {
            // Refused (a note without a level, a completed assessment, a link that ended):
            // retrying won't help.
            dirty = dirty || sent;
            say(form.getAttribute("data-refused-label") + ": " + (result.json.error || ""), "refused");
            return false;
          }
          throw new Error("server " + result.status);
        })
        .catch(function () {
          inFlight = null;
          dirty = true;
          say(form.getAttribute("data-retrying-label"), "retrying");
          timer = setTimeout(save, retryDelay);
          retryDelay = Math.min(retryDelay * 2, 30000);
          return false;
        });
      return inFlight;
    }

    function showAnswered(count) {
      if (counter) {
        counter.textContent = form.getAttribute("data-answered-label").replace("__N__", count);
      }
      if (!bar) return;
      bar.setAttribute("aria-valuenow", count);
      var total = parseInt(bar.getAttribute("aria-valuemax"), 10);
      if (fill && total > 0) {
        // .progress-N is N*5 % wide (no inline styles under the page's CSP).
        fill.className = fill.className.replace(/\bprogress-\d+\b/, "progress-" + Math.round((count * 20) / total));
      }
    }

    function changed(delay) {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(save, delay);
    }

    form.addEventListener("change", function (event) {
      if (event.target.type === "radio") changed(400);
      else changed(600);
    });
    form.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA") changed(800);
    });
    form.addEventListener("submit", function (event) {
      clearTimeout(timer); // the step's button saves everything itself
      if (inFlight) {
        // Let a background save land first, so it can never overwrite what is submitted.
        event.preventDefault();
        var submitter = event.submitter;
        inFlight.then(function () {
          if (form.requestSubmit) form.requestSubmit(submitter);
          else form.submit();
        });
        return;
      }
      submitting = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if (submitting || (!dirty && !inFlight)) return;
      if (dirty) save();
      event.preventDefault();
      event.returnValue = "";
    });

    return {
      flush: function () {
        return dirty || inFlight ? save() : Promise.resolve(true);
      },
      markSubmitting: function () { submitting = true; },
    };
  }

  // Switching language saves the step first, then switches.
  document.querySelectorAll("form.language-switcher").forEach(function (switcher) {
    switcher.addEventListener("submit", function (event) {
      if (!autosave) return;
      event.preventDefault();
      var button = event.submitter;
      autosave.flush().then(function () {
        autosave.markSubmitting();
        if (button) {
          var choice = document.createElement("input");
          choice.type = "hidden";
          choice.name = button.name;
          choice.value = button.value;
          switcher.appendChild(choice);
        }
        switcher.submit();
      });
    });
  });

  // "Copy my resume link": ask for a new link and copy it, without leaving the page.
  document.querySelectorAll("form[data-resume-link]").forEach(function (form) {
    if (!navigator.clipboard || !window.fetch) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error("server " + response.status);
          return response.json();
        })
        .then(function (json) {
          var section = form.closest(".resume-link");
          var input = section.querySelector("#resume-url");
          if (!input) {
            input = document.createElement("input");
            input.className = "form-control mb-2";
            input.id = "resume-url";
            input.readOnly = true;
            input.setAttribute("aria-label", section.getAttribute("data-link-label") || "");
            var row = section.querySelector(".d-flex");
            row.parentNode.insertBefore(input, row);
          }
          input.value = json.url;
          return navigator.clipboard.writeText(json.url).catch(function () {}).then(function () {
            button.textContent = section.getAttribute("data-copied-message");
            input.select();
          });
        })
        .catch(function () { form.submit(); });
    });
  });

  // The first PDF of a report takes a few seconds to draw: say so while it comes.
  document.querySelectorAll("a[data-preparing-label]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!window.fetch || !window.URL || link.getAttribute("aria-busy") === "true") return;
      event.preventDefault();
      var label = link.textContent;
      link.setAttribute("aria-busy", "true");
      link.textContent = link.getAttribute("data-preparing-label");
      var live = document.getElementById("download-status");
      if (live) live.textContent = link.getAttribute("data-preparing-label");
      fetch(link.href, { credentials: "same-origin" })
        .then(function (response) {
          // 202: drawn by the worker first; its page asks again until the file is ready.
          if (!response.ok || response.status === 202) throw new Error("server " + response.status);
          return response.blob();
        })
        .then(function (blob) {
          var href = URL.createObjectURL(blob);
          var save = document.createElement("a");
          save.href = href;
          save.download = link.getAttribute("download") || "";
          document.body.appendChild(save);
          save.click();
          save.remove();
          setTimeout(function () { URL.revokeObjectURL(href); }, 10000);
          if (live) live.textContent = link.getAttribute("data-ready-label");
        })
        .catch(function () { window.location.href = link.href; })
        .then(function () {
          link.textContent = label;
          link.removeAttribute("aria-busy");
        });
    });
  });

  // A region that scrolls sideways says so above it, only while it does not fit.
  document.querySelectorAll("[data-scroll-cue-for]").forEach(function (cue) {
    var region = document.getElementById(cue.getAttribute("data-scroll-cue-for"));
    if (!region) return;
    function update() { cue.hidden = region.scrollWidth <= region.clientWidth + 1; }
    update();
    window.addEventListener("resize", update);
  });
})();
