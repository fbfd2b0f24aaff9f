// Search page: Pagefind's index, loaded only when a reader searches, plus "go to paragraph"
// for queries like "20 (c) (ii)", "op 20", "paragraph 20", "pp 3" or "S/RES/2364 (2017), para. 20".
// Each hit shows the resolution, the paragraph and its section, and opens at the words found
// (a text fragment, #:~:text=…, which the browser scrolls to and highlights).
(function () {
  "use strict";

  var form = document.querySelector("form.res-search[data-resolutions]");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("res-search-status");
  var list = document.getElementById("res-search-results");
  var resolutions = JSON.parse(form.getAttribute("data-resolutions") || "[]");

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : "..";
    return new URL(base.replace(/\/?$/, "/"), document.baseURI);
  }

  var CITATION = /^(?:s\/res\/)?(?:(\d{1,5})\s*\(\d{4}\)\s*,?\s*)?(?:(op|operative(?: paragraph)?|para(?:graph)?\.?|¶|pp|preambular(?: paragraph)?)\s*)?(\d{1,3})\s*((?:\(\s*[a-z]{1,5}\s*\)\s*)*)$/i;

  // The paragraphs a query names, one per resolution that has them.
  function paragraphTargets(query) {
    var match = CITATION.exec(query.trim().replace(/\s+/g, " "));
    if (!match) return [];
    var preamble = /^(pp|preambular)/i.test(match[2] || "");
    var number = parseInt(match[3], 10);
    var parts = (match[4].match(/[a-z]+/gi) || []).map(function (part) { return part.toLowerCase(); });
    if (preamble && parts.length) return [];
    var prefix = preamble ? "pp" : "op";
    var id = [prefix, number].concat(parts).join("-");
    return resolutions.filter(function (r) {
      return (!match[1] || String(r.number) === match[1]) && number >= 1 && number <= (preamble ? r.pp : r.op);
    }).map(function (r) {
      var label = preamble ? "preambular paragraph " + number
        : "paragraph " + number + parts.map(function (p) { return " (" + p + ")"; }).join("");
      var path = r.number + "/" + prefix + "/" + number + "/" + (parts.length ? "#" + id : "");
      return { url: new URL(path, siteRoot()).href, title: "Go to " + label, meta: r.symbol };
    });
  }

  function item(href, title, meta, excerptHtml) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = href;
    link.textContent = title;
    li.appendChild(link);
    if (meta) {
      var where = document.createElement("p");
      where.className = "res-search-meta";
      where.textContent = meta;
      li.appendChild(where);
    }
    if (excerptHtml) {
      var excerpt = document.createElement("p");
      excerpt.className = "res-search-excerpt";
      excerpt.innerHTML = excerptHtml;  // Pagefind's excerpt: escaped page text with <mark> around hits
      li.appendChild(excerpt);
    }
    return li;
  }

  var pagefind;
  function loadIndex() {
    if (!pagefind) {
      var root = siteRoot();
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return module.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  var latest = 0;
  function run(query) {
    var ticket = ++latest;
    list.replaceChildren();
    query = query.trim();
    if (!query) { status.textContent = ""; return; }
    var direct = paragraphTargets(query);
    direct.forEach(function (t) { list.appendChild(item(t.url, t.title, t.meta)); });
    status.textContent = "Searching…";
    loadIndex().then(function (module) { return module.search(query); }).then(function (search) {
      if (ticket !== latest) return null;
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    }).then(function (hits) {
      if (!hits || ticket !== latest) return;
      hits.forEach(function (hit) {
        var meta = [hit.meta.resolution, hit.meta.section].filter(Boolean).join(" · ");
        var href = hit.url + (hit.url.indexOf("#") < 0 ? "#:~:text=" + encodeURIComponent(query) : "");
        list.appendChild(item(href, hit.meta.title, meta, hit.excerpt));
      });
      var count = hits.length + direct.length;
      status.textContent = count ? count + (count === 1 ? " result" : " results") + " for “" + query + "”." : "No paragraph contains “" + query + "”.";
    }).catch(function () {
      status.textContent = direct.length ? "" : "Search needs the site to be served over http(s); it cannot read its index from a file.";
    });
  }

  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 200);
  });
  // Enter on a query that names exactly one paragraph goes there; otherwise it searches.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var direct = paragraphTargets(input.value);
    if (direct.length === 1) { location.href = direct[0].url; return; }
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
})();
