/* Reader settings: text size (字号 特大/大/中/小) and high contrast, remembered across pages.
   Progressive enhancement: without JavaScript the page keeps its default size and the controls stay hidden. */
(function () {
  var root = document.documentElement;
  function stored(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function store(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  var size = stored("site-gen-size");
  if (size) root.setAttribute("data-size", size);
  if (stored("site-gen-contrast") === "high") root.setAttribute("data-contrast", "high");

  function sync(tools) {
    var current = root.getAttribute("data-size") || "medium";
    tools.querySelectorAll("[data-size]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-size") === current));
    });
    tools.querySelector("[data-contrast]").setAttribute("aria-pressed", String(root.getAttribute("data-contrast") === "high"));
  }

  document.addEventListener("DOMContentLoaded", function () {
    var tools = document.querySelector("[data-reader-tools]");
    if (!tools) return;
    tools.hidden = false;
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-size")) {
        root.setAttribute("data-size", button.getAttribute("data-size"));
        store("site-gen-size", button.getAttribute("data-size"));
      } else if (button.hasAttribute("data-contrast")) {
        var high = root.getAttribute("data-contrast") !== "high";
        if (high) root.setAttribute("data-contrast", "high"); else root.removeAttribute("data-contrast");
        store("site-gen-contrast", high ? "high" : "normal");
      }
      sync(tools);
    });
    sync(tools);
  });
})();
