// Material for MkDocs 9.8's two inline scripts, from one cached file instead of inline on every page
// (overrides/partials/javascripts/palette.html loads it, in the header right after the light/dark
// toggle, as Material places its palette script): the first defines the helpers Material's bundle
// reads and writes the reader's choices with; the second applies the stored light/dark choice before
// the page is painted. Both are Material's, verbatim, but for the scope: the site's root, found from
// this file's own URL (assets/javascripts/) rather than from each page's. tests/test_page_bytes.py
// checks them against the installed theme.
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
