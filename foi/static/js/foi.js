/* foi — progressive enhancement only. Every page works without this file.
   - <input data-filter-for="ID"> (may be sent with the hidden attribute; shown here) narrows the options of <select id="ID" data-filterable> as you type;
     data-filter-status="… {count} …" (optional) is announced politely after each change.
     A <select data-filterable="Label text"> with no such input gets one made, labelled with that text.
   - <button data-confirm="Are you sure?"> asks before submitting.
   - An error summary ([data-error-summary]) gets focus on load so it is read out first.
   - A .table-responsive that scrolls sideways becomes focusable and named, so keys can scroll it. */
(function () {
  "use strict";

  // Fold case and accents so "seher" finds "Şəhər" and "ismayilli" finds "İsmayıllı".
  function fold(text) {
    return (text || "")
      .toLocaleLowerCase("az")
      .replace(/ı/g, "i")
      .replace(/ə/g, "e")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
  }

  function makeLiveRegion(afterEl) {
    var region = document.createElement("p");
    region.className = "visually-hidden";
    region.setAttribute("aria-live", "polite");
    afterEl.insertAdjacentElement("afterend", region);
    return region;
  }

  function setUpFilter(input) {
    var select = document.getElementById(input.getAttribute("data-filter-for"));
    if (!select || select.tagName !== "SELECT") return;
    // A filter box may ship hidden so that it only appears when it can work.
    input.hidden = false;
    // Keep a copy of the full option tree; rebuilding works in every browser, unlike option.hidden.
    var original = Array.prototype.map.call(select.children, function (node) {
      return node.cloneNode(true);
    });
    var statusTemplate = input.getAttribute("data-filter-status");
    var region = statusTemplate ? makeLiveRegion(input) : null;
    var timer = null;

    function keep(option, words, selected) {
      if (option.value === "" || selected.indexOf(option.value) !== -1) return true;
      var text = fold(option.textContent);
      return words.every(function (w) { return text.indexOf(w) !== -1; });
    }

    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var selected = Array.prototype.filter.call(select.options, function (o) {
        return o.selected;
      }).map(function (o) { return o.value; });
      var count = 0;

      function take(option) {
        if (!keep(option, words, selected)) return false;
        option.selected = selected.indexOf(option.value) !== -1;
        if (option.value !== "") count += 1;
        return true;
      }

      select.textContent = "";
      original.forEach(function (node) {
        var copy = node.cloneNode(true);
        if (copy.tagName === "OPTGROUP") {
          Array.prototype.slice.call(copy.children).forEach(function (option) {
            if (!take(option)) option.remove();
          });
          if (copy.children.length) select.appendChild(copy);
        } else if (take(copy)) {
          select.appendChild(copy);
        }
      });
      if (region) {
        clearTimeout(timer);
        timer = setTimeout(function () {
          region.textContent = statusTemplate.replace("{count}", String(count));
        }, 400);
      }
    }

    input.addEventListener("input", apply);
  }

  // Give a filterable select whose page has no filter box one of its own, labelled by the page.
  function addMissingFilter(select) {
    var labelText = select.getAttribute("data-filterable");
    if (!labelText || !select.id) return;
    if (document.querySelector('input[data-filter-for="' + select.id + '"]')) return;
    var wrapper = document.createElement("div");
    wrapper.className = "filter-box";
    var label = document.createElement("label");
    label.className = "label";
    label.htmlFor = select.id + "-filter";
    label.textContent = labelText;
    var input = document.createElement("input");
    input.className = "input";
    input.type = "search";
    input.id = select.id + "-filter";
    input.autocomplete = "off";
    input.setAttribute("data-filter-for", select.id);
    var status = select.getAttribute("data-filter-status");
    if (status) input.setAttribute("data-filter-status", status);
    wrapper.appendChild(label);
    wrapper.appendChild(input);
    select.insertAdjacentElement("beforebegin", wrapper);
  }

  function setUpConfirm(button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  }

  // A table wider than the screen scrolls inside its wrapper; make that wrapper reachable and
  // named for keyboard and screen-reader users, but only while it actually scrolls.
  function setUpScrollRegions() {
    var wrappers = document.querySelectorAll(".table-responsive");
    function update() {
      wrappers.forEach(function (wrapper) {
        var scrolls = wrapper.scrollWidth > wrapper.clientWidth + 1;
        if (scrolls && !wrapper.hasAttribute("tabindex")) {
          wrapper.setAttribute("tabindex", "0");
          wrapper.setAttribute("data-foi-scroll", "");
          if (!wrapper.hasAttribute("role")) wrapper.setAttribute("role", "region");
          if (!wrapper.hasAttribute("aria-label") && !wrapper.hasAttribute("aria-labelledby")) {
            var caption = wrapper.querySelector("caption");
            var heading = caption ? null : wrapper.closest("section, main");
            heading = heading ? heading.querySelector("h1, h2, h3") : null;
            var name = (caption || heading || {}).textContent;
            if (name) wrapper.setAttribute("aria-label", name.trim());
          }
        } else if (!scrolls && wrapper.hasAttribute("data-foi-scroll")) {
          wrapper.removeAttribute("tabindex");
          wrapper.removeAttribute("data-foi-scroll");
        }
      });
    }
    update();
    window.addEventListener("resize", update);
  }

  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  }

  function start() {
    document.querySelectorAll("select[data-filterable]").forEach(addMissingFilter);
    document.querySelectorAll("input[data-filter-for]").forEach(setUpFilter);
    document.querySelectorAll("[data-confirm]").forEach(setUpConfirm);
    setUpScrollRegions();
    focusErrorSummary();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
