/* foi — the filing form's "Send it to other agencies too" list never offers the agency chosen
   above it (progressive enhancement). The server renders that agency's box hidden and
   unticked; when the citizen chooses another agency above, this follows: the new choice's box
   is hidden and unticked, the one chosen before is offered again. Without this file a box
   ticked for the agency chosen above is refused by the server with a message by the list. */
(function () {
  "use strict";

  function setUp(select, list) {
    function follow() {
      Array.prototype.forEach.call(
        list.querySelectorAll("input[type=checkbox]"),
        function (box) {
          var chosen = box.value === select.value;
          var row = box.closest(".checkbox") || box.parentNode;
          row.hidden = chosen;
          if (chosen) { box.checked = false; }
        }
      );
    }
    select.addEventListener("change", follow);
    follow();
  }

  function start() {
    var select = document.getElementById("agency_id");
    var list = document.getElementById("also_agency_ids");
    if (select && list) { setUp(select, list); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
