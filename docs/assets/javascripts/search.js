// Search, in the header of every page and on /search/: Pagefind's index, loaded only when search
// opens, plus "go to paragraph" for "20 (c) (ii)", "op 20", "pp 3", "S/RES/2364 (2017), para. 34"
// or "resolution 2295 para 19".
// - On a resolution's pages (/2364/…) search looks in that resolution first; one click widens it.
// - The index holds one page per resolution, its full text (N/text/); a hit is split here into the
//   paragraphs that hold every word looked up, by the ids of the elements (pp-3, op-20-c-ii).
// - Counts are true: of resolutions while some are unread, of paragraphs once all are read (a
//   resolution's own search reads its one hit at once). A word that is in no paragraph gives no
//   results: Pagefind otherwise answers with the longest prefix it knows ("Barkhane" → the letter "b").
// - Each hit opens at its paragraph's page, at the sub-paragraph (#op-20-c-ii) with the words found
//   highlighted (?pagefind-highlight=…, read on arrival by Pagefind's own pagefind-highlight.js).
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
      loaded = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: root.pathname }).then(function () { return pagefind; });
      });
    }
    return loaded;
  }

  // Every resolution's paragraph counts (~75 bytes a resolution): fetched only for a query that names a paragraph.
  var listed;
  function resolutionList() {
    if (!listed) listed = fetch(new URL("search/resolutions.json", root)).then(function (response) { return response.json(); });
    return listed;
  }

  // The symbol of the resolution whose pages these are, from the page itself.
  function pageSymbol(number) {
    var cited = document.querySelector('meta[name="citation_technical_report_number"]');
    if (cited && cited.content.indexOf("S/RES/" + number + " ") === 0) return cited.content;
    var titled = new RegExp("S/RES/" + number + " \\(\\d{4}\\)").exec(document.title);
    return titled ? titled[0] : "S/RES/" + number;
  }

  // ---- Honest matching ----------------------------------------------------------------------------

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  }

  // Words too common to narrow a search: left out of what is looked up ("protection of civilians"
  // looks up "protection civilians"), since the list of every place "of" stands is larger than the
  // rest of a first query together. A query of only such words looks them up.
  var COMMON = ("a an and are as at be by for from has have in into is it its not of on or that the " +
    "their this to was were which with").split(" ");

  function searchWords(query) {
    var words = query.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) || [];
    var kept = words.filter(function (w) { return COMMON.indexOf(fold(w)) < 0; });
    return kept.length ? kept : words;
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

  // ---- A resolution's hit, split into its paragraphs ------------------------------------------------

  // Element ids: pp-3, op-20-c-ii, annex-1-3-b; the first two parts name the paragraph's page.
  var ELEMENT = /^(pp|op|annex)-\d+(-[a-z0-9]+)*$/;
  var PARTS = { pp: "Preamble", op: "Operative part", annex: "Annex" };

  function spokenId(id) {
    var parts = id.split("-");
    var rest = parts.slice(2).map(function (p) { return " (" + p + ")"; }).join("");
    if (parts[0] === "pp") return "Preambular paragraph " + parts[1];
    if (parts[0] === "op") return "Paragraph " + parts[1] + rest;
    return "Annex " + parts[1] + (parts.length > 2 ? ", paragraph " + parts[2] + parts.slice(3).map(function (p) { return " (" + p + ")"; }).join("") : "");
  }

  // meta "sections": "op-1=Heading;op-15=Heading"; meta "themes": "Name|Name;pp-2=0;op-3=0,1".
  function sectionOf(meta, paragraph) {
    var number = parseInt(paragraph.split("-")[1], 10), found = null;
    (meta.sections || "").split(";").forEach(function (entry) {
      var at = entry.indexOf("=");
      if (at > 0 && parseInt(entry.slice(3, at), 10) <= number) found = entry.slice(at + 1);
    });
    return found;
  }

  function themesOf(meta) {
    var entries = (meta.themes || "").split(";"), names = entries[0] ? entries[0].split("|") : [], themes = {};
    entries.slice(1).forEach(function (entry) {
      var at = entry.indexOf("=");
      themes[entry.slice(0, at)] = entry.slice(at + 1).split(",").map(function (i) { return names[parseInt(i, 10)]; });
    });
    return themes;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  // The paragraphs of a hit that hold every word looked up, in reading order. Each opens at the
  // element (by id) holding the most of the words, closest together; each word found belongs to the
  // last element that starts at or before it.
  function paragraphsOf(hit, terms) {
    var words = hit.content.split(/\s+/);
    var anchors = hit.anchors.filter(function (a) { return ELEMENT.test(a.id || ""); }).sort(function (a, b) { return a.location - b.location; });
    var ranges = {}; // paragraph id → [first word, first word after it]
    anchors.forEach(function (a) {
      var id = a.id.split("-").slice(0, 2).join("-");
      if (!ranges[id]) ranges[id] = [a.location, words.length];
      Object.keys(ranges).forEach(function (other) { if (other !== id && ranges[other][1] === words.length && ranges[other][0] < a.location) ranges[other][1] = a.location; });
    });
    var themes = themesOf(hit.meta), found = [], byId = {};
    hit.locations.slice().sort(function (a, b) { return a - b; }).forEach(function (at) {
      var owner = null;
      anchors.forEach(function (anchor) { if (anchor.location <= at) owner = anchor; });
      if (!owner) return;
      var id = owner.id.split("-").slice(0, 2).join("-");
      var paragraph = byId[id];
      if (!paragraph) {
        paragraph = byId[id] = { id: id, at: [], regions: {}, terms: {} };
        found.push(paragraph);
      }
      var word = fold(words[at] || "");
      var term = terms.filter(function (t) { return word.slice(0, 5) === t.slice(0, 5); })[0] || word;
      paragraph.at.push(at);
      paragraph.terms[term] = true;
      var region = paragraph.regions[owner.id] || (paragraph.regions[owner.id] = { anchor: owner, terms: {}, first: at, last: at });
      region.terms[term] = true;
      region.last = at;
    });
    var number = hit.meta.number;
    return found.filter(function (p) {
      return terms.every(function (t) { return p.terms[t]; });
    }).map(function (p) {
      var best = null;
      Object.keys(p.regions).forEach(function (id) {
        var region = p.regions[id], distinct = Object.keys(region.terms).length, span = region.last - region.first;
        if (!best || distinct > best.distinct || (distinct === best.distinct && span < best.span)) best = { anchor: region.anchor, distinct: distinct, span: span };
      });
      var shown = [];
      p.at.forEach(function (at) {
        var word = (words[at] || "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        if (word && shown.indexOf(word) < 0) shown.push(word);
      });
      var kind = p.id.split("-")[0];
      var url = new URL(number + "/" + kind + "/" + p.id.split("-")[1] + "/", root);
      shown.slice(0, 8).forEach(function (word) { url.searchParams.append("pagefind-highlight", word); });
      url.hash = best.anchor.id;
      var range = ranges[p.id];
      var section = kind === "op" ? sectionOf(hit.meta, p.id) : null;
      return {
        url: url.href,
        title: spokenId(best.anchor.id),
        meta: [hit.meta.resolution, section || PARTS[kind]].join(" · "),
        excerpt: excerpt(words, p.at, range[0], range[1]),
        resolution: hit.meta.resolution,
        part: PARTS[kind],
        themes: themes[p.id] || [],
      };
    });
  }

  // About 24 words of the paragraph around the first word found, the words found marked.
  function excerpt(words, at, start, end) {
    var from = Math.max(start, Math.min(at[0] - 6, end - 24)), to = Math.min(end, from + 24);
    var html = words.slice(from, to).map(function (word, i) {
      return at.indexOf(from + i) >= 0 ? "<mark>" + escapeHtml(word) + "</mark>" : escapeHtml(word);
    }).join(" ");
    return (from > start ? "… " : "") + html + (to < end ? " …" : "");
  }

  // ---- Results ------------------------------------------------------------------------------------

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
      excerpt.innerHTML = excerptHtml; // the page's text, escaped, with <mark> around the words found
      li.appendChild(excerpt);
    }
    return li;
  }

  var FILTERS = [["resolution", "Resolution"], ["part", "Part"], ["theme", "Theme"]];
  var LOAD_AT_ONCE = 2; // resolutions' texts fetched together while filling a page of results

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
    var homeSymbol = home && pageSymbol(home);
    // results: Pagefind's hits, one per resolution; read: how many are split into paragraphs;
    // found: their paragraphs that pass the part and theme filters; shown: how many are listed.
    var state = { query: "", terms: [], scope: home, chosen: {}, results: [], read: 0, found: [], shown: 0, ticket: 0, describe: null };

    function complete() { return state.read >= state.results.length; }

    function pagefindFilters() {
      var active = {};
      if (state.chosen.resolution) active.resolution = state.chosen.resolution;
      else if (state.scope) active.resolution = homeSymbol;
      if (state.chosen.theme) active.theme = state.chosen.theme;
      return active;
    }

    function wanted(paragraph) {
      return (!state.chosen.part || paragraph.part === state.chosen.part) && (!state.chosen.theme || paragraph.themes.indexOf(state.chosen.theme) >= 0);
    }

    // Read resolutions' hits until ``count`` paragraphs wait to be listed, or none is left.
    function fill(count, ticket) {
      if (ticket !== state.ticket || complete() || state.found.length - state.shown >= count) return Promise.resolve();
      var batch = state.results.slice(state.read, state.read + LOAD_AT_ONCE);
      state.read += batch.length;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (hits) {
        if (ticket !== state.ticket) return null;
        hits.forEach(function (hit) {
          paragraphsOf(hit, state.terms).filter(wanted).forEach(function (p) { state.found.push(p); });
        });
        return fill(count, ticket);
      });
    }

    function showMore() {
      var ticket = state.ticket;
      more.hidden = true;
      return fill(PAGE_SIZE, ticket).then(function () {
        if (ticket !== state.ticket) return;
        var batch = state.found.slice(state.shown, state.shown + PAGE_SIZE);
        state.shown += batch.length;
        batch.forEach(function (p) { list.appendChild(item(p.url, p.title, p.meta, p.excerpt)); });
        var waiting = state.found.length - state.shown, unread = state.results.length - state.read;
        more.hidden = !waiting && !unread;
        if (state.describe) status.textContent = state.describe();
        more.textContent = "More results (" + (unread ? (waiting ? waiting + " more, and " : "") + "from " + unread + " more " + (unread === 1 ? "resolution" : "resolutions") : waiting + " more") + ")";
      });
    }

    function counted(where) {
      var count = state.found.length, hits = state.results.length;
      if (complete()) return (count || "No") + " " + (count === 1 ? "result" : "results") + where + " for “" + state.query + "”";
      return "Results from " + hits + " resolutions for “" + state.query + "”";
    }

    // Counts of paragraphs by resolution, part and theme, once every hit is read; else the values alone.
    function renderSelects(values) {
      selects.replaceChildren();
      var counts = { resolution: {}, part: {}, theme: {} };
      var whole = complete();
      if (whole) {
        state.found.forEach(function (p) {
          counts.resolution[p.resolution] = (counts.resolution[p.resolution] || 0) + 1;
          counts.part[p.part] = (counts.part[p.part] || 0) + 1;
          p.themes.forEach(function (t) { counts.theme[t] = (counts.theme[t] || 0) + 1; });
        });
      }
      FILTERS.forEach(function (pair) {
        var key = pair[0];
        var options = whole ? Object.keys(counts[key]) : values[key];
        if (state.chosen[key] && options.indexOf(state.chosen[key]) < 0) options = options.concat([state.chosen[key]]);
        if (!options.length) return;
        var label = element("label", null, pair[1] + " ");
        var select = element("select");
        select.name = key;
        var any = element("option", null, key === "resolution" && state.scope && !state.chosen.resolution ? homeSymbol : "All");
        any.value = "";
        select.appendChild(any);
        options.sort().forEach(function (value) {
          var option = element("option", null, value + (whole ? " (" + (counts[key][value] || 0) + ")" : ""));
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
      state.describe = null;
      if (!query) { status.textContent = ""; filters.hidden = true; return Promise.resolve(); }
      status.textContent = "Searching…";
      var citation = parseCitation(query);
      return Promise.all([load(), citation ? resolutionList() : null]).then(function (both) {
        if (ticket !== state.ticket) return null;
        var pagefind = both[0], resolutions = both[1] || [];
        var direct = paragraphTargets(citation, resolutions, state.scope);
        direct.forEach(function (t) { list.appendChild(item(t.url, t.title, t.meta)); });
        // A paragraph number is not a phrase to look for, except a sub-paragraph, which the text cites.
        var words = citation ? (citation.parts.length ? [String(citation.number)].concat(citation.parts) : []) : searchWords(query);
        var text = citation ? (citation.parts.length ? '"' + words.join(" ") + '"' : null) : (/"/.test(query) ? query : words.join(" "));
        state.terms = words.map(fold).filter(Boolean);
        var active = pagefindFilters();
        return Promise.all((citation ? [] : words).map(function (w) { return wordIsInText(pagefind, w); })).then(function (present) {
          var missing = words.filter(function (w, i) { return !citation && !present[i]; });
          if (!text || missing.length) return { search: { results: [], unfilteredResultCount: 0 }, missing: missing };
          return pagefind.search(text, { filters: active }).then(function (search) { return { search: search, missing: [] }; });
        }).then(function (outcome) {
          if (ticket !== state.ticket) return null;
          var search = outcome.search;
          state.results = search.results;
          state.read = 0;
          state.found = [];
          state.shown = 0;
          // What the status says, again after "More results" once every hit is read and counts are of paragraphs.
          state.describe = function () {
            var where = active.resolution ? " in " + active.resolution : "";
            var parts = [];
            if (direct.length) parts.push(direct.length === 1 ? "1 paragraph with that number" : direct.length + " paragraphs with that number");
            if (outcome.missing.length) {
              parts.push("No paragraph contains “" + outcome.missing.join("”, “") + "”");
            } else if (text && citation) {
              var count = state.found.length;
              parts.push(complete() ? (count || "No") + " " + (count === 1 ? "paragraph mentions it" : "paragraphs mention it") + where : "Paragraphs of " + state.results.length + " resolutions mention it");
            } else if (text) {
              parts.push(counted(where));
            } else if (!direct.length) {
              parts.push("No paragraph " + citation.number + where);
            }
            return parts.join(". ") + ".";
          };
          return showMore().then(function () {
            if (ticket !== state.ticket) return null;
            // Within a resolution: one click searches them all, with how many resolutions have the words.
            if (state.scope && !state.chosen.resolution) {
              var widen = element("button", "res-search-widen", "Search all resolutions");
              widen.type = "button";
              if (text && !outcome.missing.length && !citation) {
                var others = search.unfilteredResultCount;
                widen.textContent += " (" + others + " " + (others === 1 ? "resolution has" : "resolutions have") + " these words)";
              }
              widen.addEventListener("click", function () { state.scope = null; run(state.query).then(function () { input.focus(); }); });
              scopeBar.replaceChildren("Searching " + homeSymbol + " only. ", widen);
              scopeBar.hidden = false;
            } else if (home && !state.scope && !state.chosen.resolution) {
              var narrow = element("button", "res-search-widen", "Search " + homeSymbol + " only");
              narrow.type = "button";
              narrow.addEventListener("click", function () { state.scope = home; run(state.query).then(function () { input.focus(); }); });
              scopeBar.replaceChildren(narrow);
              scopeBar.hidden = false;
            }
            var chosen = Object.keys(state.chosen).some(function (k) { return state.chosen[k]; });
            filters.hidden = !state.found.length && !chosen;
            if (filters.open) {
              // Pagefind knows a filter's values only once its (chunked) filter index is loaded.
              return pagefind.filters().then(function () {
                if (ticket !== state.ticket) return;
                return pagefind.search(text, { filters: active }).then(function (again) {
                  var counts = again.filters || {}, values = { part: ["Preamble", "Operative part", "Annex"] };
                  ["resolution", "theme"].forEach(function (key) {
                    values[key] = Object.keys(counts[key] || {}).filter(function (v) { return counts[key][v] > 0; });
                  });
                  if (ticket === state.ticket) renderSelects(values);
                });
              });
            }
            return null;
          });
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
      var citation = parseCitation(query);
      (citation ? resolutionList() : Promise.resolve([])).then(function (resolutions) {
        var direct = paragraphTargets(citation, resolutions, state.scope);
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
