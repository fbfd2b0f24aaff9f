// Citation helpers: a paragraph label copies its permalink, a .res-copy button copies its
// data-copy text, and a polite live region says so. Highlighting the target is CSS (:target).
// Listeners are delegated from `document`, so they survive Material's instant navigation too.
(function () {
  "use strict";

  // The site root, from Material's page config: "base" is the relative path from this page
  // to the root ("../.." on /2364/op/20/), and data-permalink is relative to that root.
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), document.baseURI);
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
    }, 2500);
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

  document.addEventListener("click", function (event) {
    var label = event.target.closest("a.res-label[data-permalink]");
    if (label) {
      // No preventDefault: following the #fragment is what highlights the paragraph.
      var url = new URL(label.getAttribute("data-permalink"), siteRoot()).href;
      var name = label.getAttribute("aria-label") || "paragraph";
      copy(url).then(
        function () { announce("Copied link to " + name); },
        function () { announce("Could not copy; the link is " + url); }
      );
      return;
    }
    var button = event.target.closest("button.res-copy[data-copy]");
    if (button) {
      var text = button.getAttribute("data-copy");
      copy(text).then(
        function () { announce("Copied: " + text); },
        function () { announce("Could not copy"); }
      );
    }
  });

  function enhance() {
    // A live region must be in the page before it changes, or screen readers miss the first message.
    status();
    // Material's search dialog has no accessible name (axe: aria-dialog-name); give it one.
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }

  if (window.document$) {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
