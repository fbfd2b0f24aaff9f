"""The one Jinja2 environment that turns templates under ``render/templates/`` into page markup.

Autoescape is on, and every value a template prints passes through ``markup.escape`` first (the
``finalize`` hook): text from a resolution comes out as inert HTML whose Markdown-significant
characters are character references, so neither the browser nor Python-Markdown can read it as
markup. Only values already wrapped as ``Markup`` (rendered paragraph text, other templates) pass
unchanged. Undefined names are errors, never blank output.

Filters every template can use:

- ``url(page, target)``: a link from ``page`` to a site-relative target ('2364/op/34/'),
  relative so that the site works under a sub-path; absolute URLs pass unchanged.
- ``attr``: escape for a double-quoted attribute (autoescape does this too; kept for clarity in
  ``data-*`` values built from several parts).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .markup import attribute, escape, relative_url

TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return value
    return Markup(escape(str(value)))


def url(page: str, target: str) -> str:
    """``target`` as a link from ``page``: relative for site paths, unchanged when absolute."""
    if target.startswith(("http://", "https://", "mailto:", "#")):
        return target
    return relative_url(page, target)


@cache
def environment() -> jinja2.Environment:
    """The shared environment (built once per process)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["url"] = url
    env.filters["attr"] = lambda value: Markup(attribute(str(value)))
    return env


def render(template: str, **context: object) -> str:
    """Render ``template`` (a file under templates/) with ``context``."""
    return environment().get_template(template).render(**context)


def html(fragment: str) -> Markup:
    """Mark a fragment that is already safe HTML (rendered text, another template's output)."""
    return Markup(fragment)
