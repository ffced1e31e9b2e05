// Bulk actions on the officer's queue, enhanced: the page works without this file.
// "Select all on this page" ticks every row; only the chosen action's fields are shown.
(function () {
  "use strict";
  var form = document.getElementById("bulk-form");
  if (!form) return;
  var rows = Array.prototype.slice.call(
    document.querySelectorAll('input[type="checkbox"][name="ref"][form="bulk-form"]')
  );
  var all = document.getElementById("bulk-all");
  var wrapper = document.querySelector("[data-bulk-all]");
  if (all && wrapper && rows.length) {
    wrapper.hidden = false;
    var sync = function () {
      var ticked = rows.filter(function (box) { return box.checked; }).length;
      all.checked = ticked === rows.length;
      all.indeterminate = ticked > 0 && ticked < rows.length;
    };
    all.addEventListener("change", function () {
      rows.forEach(function (box) { box.checked = all.checked; });
    });
    rows.forEach(function (box) { box.addEventListener("change", sync); });
    sync();
  }
  var action = document.getElementById("bulk-action");
  var groups = Array.prototype.slice.call(form.querySelectorAll("[data-bulk-for]"));
  var show = function () {
    groups.forEach(function (group) {
      group.hidden = group.getAttribute("data-bulk-for") !== action.value;
    });
  };
  if (action) {
    action.addEventListener("change", show);
    show();
  }
})();
