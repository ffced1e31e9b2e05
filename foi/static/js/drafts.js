/* foi — the filing form saves itself as a draft while it is written (progressive enhancement).
   The form works without this file: its "Save as draft" button does the same with a page load.
   Reads <form data-draft-url>, posts the whole form (with its CSRF token) a few seconds after
   typing stops, on a change, and every 30 seconds while something is unsaved. The answer
   names the draft (kept in the form's draft_id, so sending the form deletes it) and lists
   the files kept with it: a chosen file is sent once, then shown among the kept ones. */
(function () {
  "use strict";

  var QUIET_MS = 3000;
  var EVERY_MS = 30000;

  function setUp(form) {
    var url = form.getAttribute("data-draft-url");
    var status = form.querySelector("[data-draft-status]");
    var draftId = form.querySelector("input[name=draft_id]");
    var keptToken = form.querySelector("input[name=kept_files]");
    var files = form.querySelector("input[type=file]");
    var dirty = false, busy = false, sending = false, timer = null;

    function say(text) { if (status) { status.textContent = text || ""; } }

    function save() {
      timer = null;
      if (!dirty || sending) { return; }
      if (busy) { timer = setTimeout(save, QUIET_MS); return; }
      busy = true;
      dirty = false;
      var data = new FormData(form);
      var withFiles = files && files.files && files.files.length > 0;
      if (!withFiles) { data.delete(files ? files.name : "attachments"); }
      fetch(url, { method: "POST", body: data, credentials: "same-origin",
                   headers: { "Accept": "application/json" } })
        .then(function (response) {
          return response.json().then(function (body) { return [response.ok, body]; });
        })
        .then(function (result) {
          var ok = result[0], body = result[1];
          if (!ok) { dirty = true; say(body.error || ""); return; }
          if (body.draft_id && draftId) {
            draftId.value = body.draft_id;
            if (window.history && window.history.replaceState) {
              window.history.replaceState(null, "", "?draft=" + body.draft_id);
            }
            // The header's language buttons come back to this address: to the draft, not
            // to the blank form the page was first loaded as.
            var back = document.querySelector(".lang-switch input[name=next]");
            if (back) { back.value = window.location.pathname + window.location.search; }
          }
          if (keptToken) { keptToken.value = body.kept_files || ""; }
          var kept = form.querySelector("[data-kept-files]");
          if (kept && typeof body.files_html === "string") { kept.outerHTML = body.files_html; }
          if (withFiles) { files.value = ""; }
          say(body.error || body.saved || "");
        })
        .catch(function () { dirty = true; })
        .then(function () { busy = false; });
    }

    function changed() {
      dirty = true;
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(save, QUIET_MS);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function () {
      sending = true;
      if (timer) { clearTimeout(timer); }
    });
    setInterval(function () { if (dirty && !timer) { save(); } }, EVERY_MS);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-draft-url]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
