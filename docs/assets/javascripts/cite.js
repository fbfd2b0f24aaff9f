// Citing: a "Cite" button beside every label opens a small menu with one copy button per style
// (UN, UN in prose, OSCOLA, Bluebook, BibTeX, CSL-JSON, permalink); under "Cite this paragraph", the
// copy buttons and the folded list of every style are written here too. A page carries what a
// citation needs once (#res-cite-data: symbol, number, year, date, meeting, site URL); each text
// is built here from the element's id, with the same formats as build_scripts/citations.py
// (tests/test_browser_reader.py checks they are identical). Labels stay plain permalinks: a
// click on a label follows it and copies nothing. A polite live region confirms each copy.
// Listeners are delegated from `document`, so they survive Material's instant navigation too.
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  var BLUEBOOK_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
  var AUTHOR = "United Nations Security Council";
  var ID = /^(pp|op|annex)-(\d+)((?:-[a-z0-9]+)*)$/;

  function replaceAll(text, from, to) { return text.split(from).join(to); }

  // ids.citation_label: "op-20-c-ii" → "20 (c) (ii)", "op-2-1" → "2, indent 1", "annex-1-3-b" → "annex, para. 3 (b)".
  function citationLabel(id) {
    var match = ID.exec(id);
    var paragraph = parseInt(match[2], 10);
    var parts = match[3] ? match[3].slice(1).split("-") : [];
    var item = function (part) { return /^\d+$/.test(part) ? "indent " + part : "(" + part + ")"; };
    if (match[1] === "annex") {
      var name = paragraph === 1 ? "annex" : "annex " + paragraph;
      if (!parts.length) return name;
      var first = parts[0];
      var head = /^\d+$/.test(first) ? "para. " + first : /^p\d+$/.test(first) ? "paragraph " + first.slice(1) + " (unnumbered)" : "(" + first + ")";
      return name + ", " + [head].concat(parts.slice(1).map(item)).join(" ");
    }
    var labels = [String(paragraph)].concat(parts.map(item));
    if (parts.length && /^\d+$/.test(parts[parts.length - 1])) {
      return labels.slice(0, -1).join(" ") + ", " + labels[labels.length - 1];
    }
    return labels.join(" ");
  }

  // ids.permalink, absolute: the paragraph's page, plus a fragment below paragraph level.
  function permalink(data, id) {
    if (!id) return data.site + data.number + "/";
    var match = ID.exec(id);
    var page = data.number + "/" + match[1] + "/" + match[2] + "/";
    return data.site + page + (id === match[1] + "-" + match[2] ? "" : "#" + id);
  }

  // "20 (c) (ii)" → "20(c)(ii)"; "(unnumbered)" is not a label.
  function compact(label) { return label.replace(/ \((?=[a-z]{1,5}\))/g, "("); }

  function ordinal(number) {
    var suffix = [11, 12, 13].indexOf(number % 100) >= 0 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" })[number % 10] || "th";
    return number + suffix;
  }

  // citations.citations: every style, in the same order and to the character.
  function citations(data, id) {
    var ymd = data.date.split("-").map(function (part) { return parseInt(part, 10); });
    var longDate = ymd[2] + " " + MONTHS[ymd[1] - 1] + " " + ymd[0];
    var usDate = BLUEBOOK_MONTHS[ymd[1] - 1] + " " + ymd[2] + ", " + ymd[0];
    var shortSymbol = data.symbol.split(" (")[0];
    var url = permalink(data, id);
    var whole = "resolution " + data.number + " (" + data.year + ")";
    var prefix = id ? ID.exec(id)[1] : "";
    var un, prose, oscolaPin, bluebookPin, title;
    if (!id) {
      un = data.symbol; prose = whole; oscolaPin = ""; bluebookPin = ""; title = "Security Council " + whole;
    } else if (prefix === "pp") {
      var number = ID.exec(id)[2].replace(/^0+(?=\d)/, "");
      un = data.symbol + ", preambular paragraph " + number;
      prose = "preambular paragraph " + number + " of " + whole;
      oscolaPin = ", preamble para " + number; bluebookPin = ", pmbl. para. " + number;
      title = "Security Council " + whole + ", preambular paragraph " + number;
    } else if (prefix === "annex") {
      var annexLabel = citationLabel(id);
      un = data.symbol + ", " + annexLabel; prose = annexLabel + " of " + whole;
      var comma = annexLabel.indexOf(", ");
      var pin = comma < 0 ? annexLabel : annexLabel.slice(0, comma) + ", " + compact(annexLabel.slice(comma + 2));
      oscolaPin = ", " + replaceAll(pin, "para. ", "para ");
      bluebookPin = ", " + replaceAll(pin, "para. ", "¶ ");
      title = "Security Council " + whole + ", " + annexLabel;
    } else {
      var label = citationLabel(id);
      un = data.symbol + ", para. " + label;
      prose = "paragraph " + label + " of " + whole;
      oscolaPin = ", para " + compact(label); bluebookPin = ", ¶ " + compact(label);
      title = "Security Council " + whole + ", paragraph " + label;
    }
    var key = "unsc-res-" + data.number + "-" + data.year + (id ? "-" + id : "");
    var note = data.meeting ? ",\n  note = {Adopted at the " + ordinal(data.meeting) + " meeting of the Security Council}" : "";
    var bibtex = "@misc{" + key + ",\n  title = {" + title + "},\n  author = {{" + AUTHOR + "}},\n  year = {" + data.year + "},\n" +
      "  date = {" + data.date + "},\n  number = {" + data.symbol + "},\n  url = {" + url + "}" + note + "\n}";
    var csl = {
      id: key, type: "legislation", title: title, author: [{ literal: AUTHOR }], authority: AUTHOR,
      issued: { "date-parts": [[ymd[0], ymd[1], ymd[2]]] }, number: data.symbol, URL: url
    };
    return [
      { style: "UN", text: un },
      { style: "UN, in prose", text: prose },
      { style: "OSCOLA", text: "UNSC Res " + data.number + " (" + longDate + ") UN Doc " + shortSymbol + oscolaPin },
      { style: "Bluebook", text: "S.C. Res. " + data.number + bluebookPin + " (" + usDate + ")" },
      { style: "BibTeX", text: bibtex },
      { style: "CSL-JSON", text: JSON.stringify(csl, null, 2) },
      { style: "Permalink", text: url }
    ];
  }

  function pageData() {
    var script = document.getElementById("res-cite-data");
    return script ? JSON.parse(script.textContent) : null;
  }

  function citation(id, style) {
    var data = pageData();
    var found = citations(data, id).filter(function (entry) { return entry.style === style; })[0];
    return found ? found.text : "";
  }

  // "Copy the OSCOLA citation of S/RES/2364 (2017), para. 20 (c) (ii)": the style and the element.
  function copyName(style, cited) {
    return style === "Permalink" ? "Copy the permalink of " + cited : "Copy the " + style + " citation of " + cited;
  }

  function status() {
    var region = document.querySelector(".res-status");
    if (!region) {
      region = document.createElement("div");
      region.className = "res-status";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  var clearTimer;
  function announce(message) {
    var region = status();
    region.textContent = message;
    region.classList.add("res-status--visible");
    clearTimeout(clearTimer);
    clearTimer = setTimeout(function () {
      region.classList.remove("res-status--visible");
      region.textContent = "";
    }, 4000);
  }

  // The async Clipboard API needs a secure context (https or localhost); elsewhere fall back
  // to a hidden textarea and execCommand, which every browser still supports for copying.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = document.execCommand("copy");
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function closeMenu(returnFocus) {
    var menu = document.querySelector(".res-cite-menu");
    if (!menu) return;
    var toggle = document.querySelector(".res-cite-toggle[aria-expanded=true]");
    menu.parentNode.removeChild(menu);
    if (toggle) {
      toggle.setAttribute("aria-expanded", "false");
      toggle.removeAttribute("aria-controls");
      if (returnFocus) toggle.focus();
    }
  }

  // A button that copies one style's citation of an element (the click handler below reads its data).
  function copyButton(style, id, cited, text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "res-copy";
    button.setAttribute("data-style", style);
    button.setAttribute("data-element", id);
    button.setAttribute("aria-label", copyName(style, cited));
    button.textContent = text;
    return button;
  }

  // "Cite this paragraph" (or resolution): the page's HTML holds what works without JavaScript, the UN
  // citation and the permalink; each gets its copy button here, and every style is written below them,
  // each with its own, in a list that is folded unless the page asks otherwise (data-unfolded).
  function enhanceCiteSections() {
    var data = pageData();
    if (!data) return;
    document.querySelectorAll(".res-cite-main[data-element]").forEach(function (main) {
      if (main.querySelector(".res-copy")) return;
      var id = main.getAttribute("data-element");
      var entries = citations(data, id);
      var cited = entries[0].text;
      var link = main.nextElementSibling;
      main.append(" ", copyButton("UN", id, cited, "Copy"));
      link.append(" ", copyButton("Permalink", id, cited, "Copy"));
      var summary = document.createElement("summary");
      summary.textContent = "Every citation style: UN in prose, OSCOLA, Bluebook, BibTeX, CSL-JSON";
      var details = document.createElement("details");
      details.className = "res-cite-all";
      details.open = main.hasAttribute("data-unfolded");
      details.append(summary, styleList(entries, id));
      link.insertAdjacentElement("afterend", details);
    });
  }

  // Every style of one element, each in a <pre> with its copy button.
  function styleList(entries, id) {
    var list = document.createElement("div");
    list.className = "res-citations";
    entries.forEach(function (entry) {
      var style = document.createElement("p");
      style.className = "res-citation-style";
      style.append(entry.style + " ", copyButton(entry.style, id, entries[0].text, "Copy"));
      var code = document.createElement("code");
      code.textContent = entry.text;
      var pre = document.createElement("pre");
      pre.appendChild(code);
      var block = document.createElement("div");
      block.className = "res-citation";
      block.append(style, pre);
      list.appendChild(block);
    });
    return list;
  }

  // The menu of one element: a group of copy buttons after the label's line.
  function openMenu(toggle) {
    var element = toggle.closest(".res-el");
    var data = pageData();
    var entries = citations(data, element.id);
    var cited = entries[0].text;
    var menu = document.createElement("div");
    menu.className = "res-cite-menu";
    menu.id = "res-cite-menu";
    menu.setAttribute("role", "group");
    menu.setAttribute("aria-label", "Cite " + cited);
    entries.forEach(function (entry) {
      menu.appendChild(copyButton(entry.style, element.id, cited, entry.style));
    });
    toggle.parentNode.insertAdjacentElement("afterend", menu);
    toggle.setAttribute("aria-expanded", "true");
    toggle.setAttribute("aria-controls", menu.id);
    menu.querySelector("button").focus();
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest(".res-cite-toggle");
    if (toggle) {
      var wasOpen = toggle.getAttribute("aria-expanded") === "true";
      closeMenu(false);
      if (!wasOpen) openMenu(toggle);
      return;
    }
    var button = event.target.closest("button.res-copy[data-style]");
    if (button) {
      var id = button.getAttribute("data-element");
      var style = button.getAttribute("data-style");
      var cited = citation(id, "UN");
      var what = style === "Permalink" ? "the permalink of " + cited : "the " + style + " citation of " + cited;
      copy(citation(id, style)).then(
        function () { announce("Copied " + what); },
        function () { announce("Could not copy " + what); }
      );
      return;
    }
    if (!event.target.closest(".res-cite-menu")) closeMenu(false);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.querySelector(".res-cite-menu")) closeMenu(true);
  });

  // A "Cite" button after each label, and each label's UN citation for print (extra.css shows it).
  function addCiteButtons() {
    var data = pageData();
    if (!data) return;
    document.querySelectorAll(".res-text .res-el > p > a.res-label").forEach(function (label) {
      if (label.nextElementSibling && label.nextElementSibling.classList.contains("res-cite-toggle")) return;
      var id = label.closest(".res-el").id;
      var cited = citations(data, id)[0].text;
      label.setAttribute("data-cite", cited);
      var toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "res-cite-toggle";
      toggle.setAttribute("aria-expanded", "false");
      toggle.setAttribute("aria-label", "Cite " + cited);
      toggle.setAttribute("data-pagefind-ignore", "");
      toggle.textContent = "Cite";
      label.insertAdjacentElement("afterend", toggle);
    });
  }

  function enhance() {
    // A live region must be in the page before it changes, or screen readers miss the first message.
    status();
    addCiteButtons();
    enhanceCiteSections();
    // Material's search dialog has no accessible name (axe: aria-dialog-name); give it one.
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }

  // For tests and for anyone scripting the page: the same texts as build_scripts/citations.py.
  window.resolutionCite = { citations: citations, citationLabel: citationLabel, pageData: pageData };

  if (window.document$) {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
