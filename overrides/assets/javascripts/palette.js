{#- A template, rendered once per build (mkdocs.yml: theme.static_templates), so that the toggle's options
    come from mkdocs.yml's palette as on any Material site. -#}
// The light/dark toggle and Material for MkDocs 9.8's two inline scripts, from one cached file instead of
// on every page. overrides/partials/javascripts/palette.html loads it in the header, right after the
// toggle's empty form (overrides/partials/palette.html), where Material places its palette script:
// 1. Material's helpers, with which its bundle reads and writes the reader's choices; the scope is the
//    site's root, found from this file's own URL (assets/javascripts/) rather than from each page's;
// 2. the toggle's radio buttons and labels, as Material's partials/palette.html writes them
//    (overrides/partials/palette-options.html), into the form; without JavaScript Material never shows
//    the toggle, so a page without them loses nothing;
// 3. Material's script that applies the stored light/dark choice before the page is painted.
// 1 and 3 are Material's, verbatim but for the scope; tests/test_page_bytes.py checks them against the
// installed theme, and 2 against Material's template.
{% raw %}__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}{% endraw %}
{% set options %}{% include "partials/palette-options.html" %}{% endset -%}
(function(){var form=document.querySelector("[data-md-component=palette]"),icons=new URL("../images/icons.svg",document.currentScript.src).href;if(form)form.innerHTML={{ options | trim | tojson }}.split("@ICONS@").join(icons)})();
{% raw %}var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}{% endraw %}
