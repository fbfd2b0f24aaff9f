// Search, in the header of every page and on /search/: Pagefind's index, loaded only when search
// opens, plus "go to paragraph" for "20 (c) (ii)", "op 20", "pp 3", "S/RES/2364 (2017), para. 34"
// or "resolution 2295 para 19".
// - On a resolution's pages (/2364/…) search looks in that resolution first; one click widens it.
// - Counts are Pagefind's true counts. A word that is in no paragraph gives no results: Pagefind
//   otherwise answers with the longest prefix it knows ("Barkhane" → the letter "b").
// - Each hit opens at its sub-paragraph (#op-20-c-ii) with the words found highlighted
//   (?pagefind-highlight=…, read on arrival by Pagefind's own pagefind-highlight.js).
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var config = document.getElementById("__config");
  var root = new URL((config ? JSON.parse(config.textContent).base : ".").replace(/\/?$/, "/"), document.baseURI);

  // The resolution whose pages these are: the first path segment under the site root, if a number.
  function pageResolution() {
    var path = location.pathname;
    if (path.indexOf(root.pathname) !== 0) return null;
    var match = /^(\d{1,5})\//.exec(path.slice(root.pathname.length));
    return match ? parseInt(match[1], 10) : null;
  }

  // ---- Go to paragraph ---------------------------------------------------------------------------

  var CITATION = new RegExp(
    "^(?:" +
      "(?:s/res/|resolution\\s+|res\\.?\\s*)(\\d{1,5})(?:\\s*\\(\\d{4}\\))?" + // 1: "S/RES/2364 (2017)", "resolution 2295"
      "|(\\d{1,5})\\s*\\(\\d{4}\\)" + //                                       2: "2364 (2017)"
    ")?\\s*,?\\s*" +
    "(?:(op|operative(?:\\s+paragraph)?|para(?:graph)?\\.?|¶|pp|preambular(?:\\s+paragraph)?)\\s*)?" + // 3: the kind
    "(\\d{1,3})\\s*" + //                                                      4: the paragraph number
    "((?:\\(\\s*[a-z]{1,5}\\s*\\)\\s*)*)$", //                                  5: "(c) (ii)"
    "i"
  );

  function parseCitation(query) {
    var match = CITATION.exec(query.trim().replace(/\s+/g, " "));
    if (!match) return null;
    var preamble = /^(pp|preambular)/i.test(match[3] || "");
    var parts = (match[5].match(/[a-z]+/gi) || []).map(function (part) { return part.toLowerCase(); });
    if (preamble && parts.length) return null;
    var resolution = match[1] || match[2];
    return {
      resolution: resolution ? parseInt(resolution, 10) : null,
      preamble: preamble,
      number: parseInt(match[4], 10),
      parts: parts,
    };
  }

  // The paragraphs a citation names: in its resolution, else in ``scope``, else in every resolution.
  function paragraphTargets(citation, resolutions, scope) {
    if (!citation) return [];
    var wanted = citation.resolution || scope;
    var prefix = citation.preamble ? "pp" : "op";
    var id = [prefix, citation.number].concat(citation.parts).join("-");
    var label = citation.preamble ? "preambular paragraph " + citation.number
      : "paragraph " + citation.number + citation.parts.map(function (p) { return " (" + p + ")"; }).join("");
    return resolutions.filter(function (r) {
      return (!wanted || r.number === wanted) && citation.number >= 1 && citation.number <= (citation.preamble ? r.pp : r.op);
    }).map(function (r) {
      var path = r.number + "/" + prefix + "/" + citation.number + "/" + (citation.parts.length ? "#" + id : "");
      return { url: new URL(path, root).href, title: "Go to " + label, meta: r.symbol };
    });
  }

  // ---- Loading, on first use only -----------------------------------------------------------------

  var loaded;
  function load() {
    if (!loaded) {
      var index = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () { return pagefind; });
      });
      var list = fetch(new URL("search/resolutions.json", root)).then(function (response) { return response.json(); });
      loaded = Promise.all([index, list]).then(function (both) { return { pagefind: both[0], resolutions: both[1] }; });
    }
    return loaded;
  }

  // ---- Honest matching ----------------------------------------------------------------------------

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  }

  // A word is in the text if it matches a word by its stem ("protected" ~ "protection"; Pagefind's
  // quoted search, which never falls back to a prefix) or begins a word of the text ("civil" → "civilians").
  var known = {};
  function wordIsInText(pagefind, word) {
    var key = fold(word);
    if (!key) return Promise.resolve(true);
    if (!known[key]) {
      known[key] = pagefind.search('"' + word + '"').then(function (exact) {
        if (exact.results.length) return true;
        return pagefind.search(word).then(function (loose) {
          if (!loose.results.length) return false;
          return loose.results[0].data().then(function (hit) {
            var words = hit.content.split(/\s+/);
            return loose.results[0].words.some(function (at) { return fold(words[at] || "").indexOf(key) === 0; });
          });
        });
      });
    }
    return known[key];
  }

  // ---- Results ------------------------------------------------------------------------------------

  function spokenId(id) {
    var parts = id.split("-");
    if (parts[0] === "pp") return "Preambular paragraph " + parts[1];
    if (parts[0] === "op") return "Paragraph " + parts[1] + parts.slice(2).map(function (p) { return " (" + p + ")"; }).join("");
    return null;
  }

  // Where a hit opens: the element (by id) holding the most of the words searched for, closest
  // together, then the first; each word found belongs to the last element that starts at or before it.
  function landing(hit, query) {
    var terms = (query.match(/[\p{L}\p{N}]+/gu) || []).map(fold);
    var words = hit.content.split(/\s+/);
    var anchors = hit.anchors.filter(function (a) { return a.id; }).sort(function (a, b) { return a.location - b.location; });
    var regions = {};
    hit.locations.forEach(function (at) {
      var owner = null;
      anchors.forEach(function (anchor) { if (anchor.location <= at) owner = anchor; });
      if (!owner) return;
      var word = fold(words[at] || "");
      var term = terms.filter(function (t) { return word.slice(0, 5) === t.slice(0, 5); })[0] || word;
      var region = regions[owner.id] || (regions[owner.id] = { anchor: owner, terms: {}, first: at, last: at });
      region.terms[term] = true;
      region.last = at;
    });
    var best = null;
    Object.keys(regions).forEach(function (id) {
      var region = regions[id], distinct = Object.keys(region.terms).length;
      var span = region.last - region.first;
      if (!best || distinct > best.distinct || (distinct === best.distinct && span < best.span)) {
        best = { region: region, distinct: distinct, span: span };
      }
    });
    var found = [];
    hit.locations.forEach(function (at) {
      var word = (words[at] || "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (word && found.indexOf(word) < 0) found.push(word);
    });
    var url = new URL(hit.url, location.href);
    found.slice(0, 8).forEach(function (word) { url.searchParams.append("pagefind-highlight", word); });
    var anchor = best && best.region.anchor;
    if (anchor) url.hash = anchor.id;
    return { url: url.href, title: (anchor && spokenId(anchor.id)) || hit.meta.title };
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function item(href, title, meta, excerptHtml) {
    var li = element("li", "md-search-result__item res-search-hit");
    var link = element("a", "md-search-result__link", title);
    link.href = href;
    li.appendChild(link);
    if (meta) li.appendChild(element("p", "res-search-meta", meta));
    if (excerptHtml) {
      var excerpt = element("p", "res-search-excerpt");
      excerpt.innerHTML = excerptHtml; // Pagefind's excerpt: escaped page text with <mark> around hits
      li.appendChild(excerpt);
    }
    return li;
  }

  var FILTERS = [["resolution", "Resolution"], ["part", "Part"], ["theme", "Theme"]];

  // One search box and the panel it writes its results into.
  function Search(form, panel, kind) {
    var input = form.querySelector("input[type=search]");
    var status = element("p", "res-search-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var scopeBar = element("p", "res-search-scope");
    var filters = element("details", "res-search-filters");
    var summary = element("summary", null, "Filter by resolution, part or theme");
    filters.appendChild(summary);
    var selects = element("div", "res-search-selects");
    filters.appendChild(selects);
    var list = element("ol", "md-search-result__list res-search-results");
    var more = element("button", "md-button md-button--primary res-search-more", "More results");
    more.type = "button";
    more.hidden = true;
    panel.replaceChildren(status, scopeBar, filters, list, more);
    filters.hidden = true;
    scopeBar.hidden = true;

    var home = pageResolution();
    var state = { query: "", scope: home, chosen: {}, results: [], shown: 0, ticket: 0 };

    function symbolOf(resolutions, number) {
      var row = resolutions.filter(function (r) { return r.number === number; })[0];
      return row ? row.symbol : null;
    }

    function activeFilters(resolutions) {
      var active = {};
      Object.keys(state.chosen).forEach(function (key) { if (state.chosen[key]) active[key] = state.chosen[key]; });
      var symbol = state.scope && symbolOf(resolutions, state.scope);
      if (symbol && !active.resolution) active.resolution = symbol;
      return active;
    }

    function showMore() {
      var ticket = state.ticket;
      var batch = state.results.slice(state.shown, state.shown + PAGE_SIZE);
      state.shown += batch.length;
      more.hidden = true;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (hits) {
        if (ticket !== state.ticket) return;
        hits.forEach(function (hit) {
          var where = landing(hit, state.query);
          var meta = [hit.meta.resolution, hit.meta.section].filter(Boolean).join(" · ");
          list.appendChild(item(where.url, where.title, meta, hit.excerpt));
        });
        more.hidden = state.shown >= state.results.length;
        more.textContent = "More results (" + (state.results.length - state.shown) + " more)";
      });
    }

    function renderSelects(counts, resolutions) {
      selects.replaceChildren();
      FILTERS.forEach(function (pair) {
        var key = pair[0];
        var values = Object.keys(counts[key] || {}).filter(function (v) { return counts[key][v] > 0 || state.chosen[key] === v; });
        if (!values.length) return;
        var label = element("label", null, pair[1] + " ");
        var select = element("select");
        select.name = key;
        var any = element("option", null, key === "resolution" && state.scope && !state.chosen.resolution ? symbolOf(resolutions, state.scope) : "All");
        any.value = "";
        select.appendChild(any);
        values.sort().forEach(function (value) {
          var option = element("option", null, value + " (" + counts[key][value] + ")");
          option.value = value;
          option.selected = state.chosen[key] === value;
          select.appendChild(option);
        });
        select.addEventListener("change", function () {
          state.chosen[key] = select.value;
          if (key === "resolution") state.scope = null;
          run(state.query);
        });
        label.appendChild(select);
        selects.appendChild(label);
      });
    }

    function run(query) {
      var ticket = ++state.ticket;
      query = query.trim();
      state.query = query;
      list.replaceChildren();
      more.hidden = true;
      scopeBar.hidden = true;
      panel.removeAttribute("data-query");
      if (!query) { status.textContent = ""; filters.hidden = true; return Promise.resolve(); }
      status.textContent = "Searching…";
      return load().then(function (both) {
        if (ticket !== state.ticket) return null;
        var pagefind = both.pagefind, resolutions = both.resolutions;
        var citation = parseCitation(query);
        var direct = paragraphTargets(citation, resolutions, state.scope);
        direct.forEach(function (t) { list.appendChild(item(t.url, t.title, t.meta)); });
        // A paragraph number is not a phrase to look for, except a sub-paragraph, which the text cites.
        var text = citation ? (citation.parts.length ? '"' + citation.number + " " + citation.parts.join(" ") + '"' : null) : query;
        var words = citation ? [] : (query.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) || []);
        var active = activeFilters(resolutions);
        return Promise.all(words.map(function (w) { return wordIsInText(pagefind, w); })).then(function (present) {
          var missing = words.filter(function (w, i) { return !present[i]; });
          if (!text || missing.length) return { search: { results: [], unfilteredResultCount: 0, filters: {} }, missing: missing };
          return pagefind.search(text, { filters: active }).then(function (search) { return { search: search, missing: [] }; });
        }).then(function (outcome) {
          if (ticket !== state.ticket) return null;
          var search = outcome.search;
          state.results = search.results;
          state.shown = 0;
          var count = search.results.length;
          var where = active.resolution ? " in " + active.resolution : "";
          var parts = [];
          if (direct.length) parts.push(direct.length === 1 ? "1 paragraph with that number" : direct.length + " paragraphs with that number");
          if (outcome.missing.length) {
            parts.push("No paragraph contains “" + outcome.missing.join("”, “") + "”");
          } else if (text) {
            var noun = citation ? (count === 1 ? "paragraph mentions it" : "paragraphs mention it") : (count === 1 ? "result" : "results");
            parts.push((count || "No") + " " + noun + where + (citation ? "" : " for “" + query + "”"));
          } else if (!direct.length) {
            parts.push("No paragraph " + citation.number + where);
          }
          status.textContent = parts.join(". ") + ".";
          // Within a resolution: one click searches them all, with the count it will find.
          var scopeSymbol = state.scope && symbolOf(resolutions, state.scope);
          if (scopeSymbol && !state.chosen.resolution) {
            var widen = element("button", "res-search-widen", "Search all resolutions");
            widen.type = "button";
            if (text && !outcome.missing.length && !citation) widen.textContent += " (" + search.unfilteredResultCount + " results)";
            widen.addEventListener("click", function () { state.scope = null; run(state.query).then(function () { input.focus(); }); });
            scopeBar.replaceChildren("Searching " + scopeSymbol + " only. ", widen);
            scopeBar.hidden = false;
          } else if (home && !state.scope && !state.chosen.resolution) {
            var narrow = element("button", "res-search-widen", "Search " + symbolOf(resolutions, home) + " only");
            narrow.type = "button";
            narrow.addEventListener("click", function () { state.scope = home; run(state.query).then(function () { input.focus(); }); });
            scopeBar.replaceChildren(narrow);
            scopeBar.hidden = false;
          }
          filters.hidden = !count && !Object.keys(state.chosen).some(function (k) { return state.chosen[k]; });
          if (filters.open) {
            // Pagefind counts a filter's values only once its (chunked) filter index is loaded.
            pagefind.filters().then(function () {
              return pagefind.search(text, { filters: active });
            }).then(function (again) { if (ticket === state.ticket) renderSelects(again.filters, resolutions); });
          }
          return showMore();
        });
      }).catch(function () {
        if (ticket === state.ticket) status.textContent = "Search needs the site to be served over http(s); it cannot read its index from a file.";
      }).then(function () {
        // Done: what the panel shows is this query's answer (tests and assistive tools can wait for it).
        if (ticket === state.ticket) panel.setAttribute("data-query", query);
      });
    }

    filters.addEventListener("toggle", function () { if (filters.open && state.query) run(state.query); });
    more.addEventListener("click", function () {
      var next = list.children.length;
      showMore().then(function () {
        var link = list.children[next] && list.children[next].querySelector("a");
        if (link) link.focus();
      });
    });
    var timer;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 200);
    });
    input.addEventListener("focus", function () { load(); });
    // Enter on a query that names exactly one paragraph goes there; in the header it opens the first hit.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      var query = input.value;
      load().then(function (both) {
        var direct = paragraphTargets(parseCitation(query), both.resolutions, state.scope);
        if (direct.length === 1) { location.href = direct[0].url; return; }
        if (kind === "page") history.replaceState(null, "", "?q=" + encodeURIComponent(query));
        var done = query.trim() === state.query ? Promise.resolve() : run(query);
        done.then(function () {
          var first = list.querySelector("a");
          if (kind === "header" && first) location.href = first.href;
        });
      });
    });
    return { input: input, run: run };
  }

  // ---- The header's search: a dropdown on a desktop, a full-screen panel on a phone -----------------

  var toggle = document.getElementById("__search");
  var headerForm = document.querySelector("form[data-res-search=header]");
  var header = headerForm && Search(headerForm, document.querySelector("[data-res-search-output=header]"), "header");
  var pageForm = document.querySelector("form[data-res-search=page]");
  var full = pageForm && Search(pageForm, document.querySelector("[data-res-search-output=page]"), "page");

  function open() {
    if (!header) return;
    if (toggle && !toggle.checked) toggle.checked = true;
    header.input.focus();
    header.input.select();
  }

  function close() {
    if (toggle) toggle.checked = false;
    if (header) header.input.blur();
  }

  if (header) {
    header.input.addEventListener("focus", function () { if (toggle) toggle.checked = true; });
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) open(); });
    headerForm.closest("[data-res-search-root]").addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); event.preventDefault(); }
    });
  }

  // "/" and "s" open search, as on Material's own sites; never while the reader types into a field.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" && event.key !== "s") return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable], [contenteditable=''], [contenteditable=true]")) return;
    event.preventDefault();
    if (full) { full.input.focus(); full.input.select(); } else open();
  });

  var initial = new URLSearchParams(location.search).get("q");
  if (full && initial) { full.input.value = initial; full.run(initial); }

  // ---- Arriving from a hit: highlight the words found ---------------------------------------------

  if (new URLSearchParams(location.search).has("pagefind-highlight")) {
    import(new URL("pagefind/pagefind-highlight.js", root).href).then(function (module) {
      new module.default({ highlightParam: "pagefind-highlight", addStyles: false });
    }).catch(function () { /* the page reads fine without highlights */ });
  }
})();
