/* Pagefind's search UI, pointed at the index next to this page, so search works under any sub-path. */
(function () {
  var here = new URL(".", window.location.href);
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: new URL("pagefind/", here).pathname,
    baseUrl: here.pathname,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    translations: document.documentElement.lang.indexOf("zh") === 0 ? {placeholder: "输入关键词，如：公务用车"} : {}
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
