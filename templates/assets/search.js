/* Pagefind's search UI over the year-sharded index next to this page (pagefind/shards.json lists the
   bundles, newest year first): the first is the primary bundle, the others are merged into it, filters
   included. Every path is computed from the page's own address, so search works under any sub-path. */
(function () {
  var here = new URL(".", window.location.href);
  var bundles = new URL("pagefind/", here);
  function bundlePath(name) {
    return new URL(encodeURIComponent(name) + "/", bundles).pathname;
  }
  function start(names) {
    if (!names.length) return;
    var ui = new PagefindUI({
      element: "#search",
      bundlePath: bundlePath(names[0]),
      mergeIndex: names.slice(1).map(function (name) {
        return {bundlePath: bundlePath(name), baseUrl: here.pathname};
      }),
      baseUrl: here.pathname,
      showSubResults: true,
      processResult: answer,
      showImages: false,
      resetStyles: false,
      translations: document.documentElement.lang.indexOf("zh") === 0 ? {placeholder: "输入关键词，如：公务用车"} : {}
    });
    labelInput();
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
  }
  /* A result that answers: its date, unit and progress (the page's Pagefind meta) above the excerpt, and the
     excerpt's blocks joined as Chinese is written: Pagefind ends a block that has no closing punctuation (a
     heading: 方面, 问题) with an ASCII ". ", which after a Chinese character becomes 。 */
  var CJK_STOP = /([\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])((?:<\/mark>)?)\.(?: |$)/g;
  function chinese(excerpt) {
    return (excerpt || "").replace(CJK_STOP, "$1$2。");
  }
  function escaped(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  function answer(result) {
    var meta = result.meta || {};
    var line = [meta.date, meta.organization, meta.progress].filter(Boolean).map(escaped).join(" · ");
    delete meta.date; delete meta.organization; delete meta.progress;  /* shown here, not again as tags */
    result.excerpt = (line ? '<span class="search-result__meta">' + line + "</span>" : "") + chinese(result.excerpt);
    (result.sub_results || []).forEach(function (sub) { sub.excerpt = chinese(sub.excerpt); });
    return result;
  }

  /* Pagefind's box is named only by its title attribute (axe: label-title-only); a real <label> names it for
     every screen reader. The label sits outside Pagefind's own elements, which its script re-renders. */
  function labelInput() {
    var box = document.getElementById("search");
    var input = box.querySelector(".pagefind-ui__search-input");
    if (!input || input.id) return;
    input.id = "search-input";
    var label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = input.id;
    label.textContent = box.getAttribute("data-label");
    box.parentNode.insertBefore(label, box);
  }
  fetch(new URL("shards.json", bundles), {cache: "no-cache"})
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    })
    .then(start)
    .catch(function (error) {
      console.error("search index not available:", error);
    });
})();
