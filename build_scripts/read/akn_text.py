"""Small helpers both Akoma Ntoso modules use: element names and text as the text reader gives it."""

from __future__ import annotations

import re

from lxml import etree

from .clean import typography

SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2009]+")


def local_name(element: etree._Element) -> str:
    """'paragraph' for '{…akn/3.0}paragraph'; '' for comments and processing instructions."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def clean_text(text: str) -> str:
    """Spaces and characters the way the text reader gives them: one plain space, plain hyphens."""
    text = text.replace("\u2011", "-").replace("\u00ad", "")
    return typography(SPACES.sub(" ", text).strip())
