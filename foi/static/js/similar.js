/* foi — similar published requests as the subject is typed (progressive enhancement).
   The page works without this file: the list then appears after the first submit.
   Reads <section data-similar-url data-similar-source="ID"> with a [data-similar-list] inside,
   fetches URL?q=<typed subject> (an HTML fragment) a moment after typing stops, and shows the
   section only while it has something to show. */
(function () {
  "use strict";

  function setUp(section) {
    var input = document.getElementById(section.getAttribute("data-similar-source"));
    var list = section.querySelector("[data-similar-list]");
    var url = section.getAttribute("data-similar-url");
    if (!input || !list || !url || !window.fetch) return;
    var timer = null;
    var asked = "";
    var controller = null;

    function refresh() {
      var q = input.value.trim();
      if (q === asked) return;
      asked = q;
      if (q.length < 4) {
        list.innerHTML = "";
        section.hidden = true;
        return;
      }
      if (controller && controller.abort) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(q), {
        headers: { "Accept": "text/html" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined
      }).then(function (response) {
        return response.ok ? response.text() : "";
      }).then(function (html) {
        if (q !== asked) return;  // a newer question is on its way
        list.innerHTML = html;  // our own server's escaped fragment
        section.hidden = html.trim() === "";
      }).catch(function () { /* offline or aborted: keep what is shown */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 350);
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-similar-url]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
