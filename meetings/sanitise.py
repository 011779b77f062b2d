"""Rich text from the minutes editor, cut down to what minutes need. Whatever the browser sends,
only these tags and attributes are stored, and links carry rel="noopener noreferrer"."""

import html as html_lib
import re

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "div"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def sanitise_html(html: str) -> str:
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return cleaned.strip()


# Where a line ends: at the start or end of a block (a heading left by a stripped <h1> must not
# run into the next one) and at a line break.
BLOCK_EDGE = re.compile(r"</?(p|li|ul|ol|h[1-6]|blockquote|div|table|tr)\b[^>]*>|<br\s*/?>", re.IGNORECASE)


def plain_text(html: str) -> str:
    """The words of sanitised HTML, a line per paragraph or list item, for comparing versions."""
    with_breaks = BLOCK_EDGE.sub("\n", html or "")
    text = html_lib.unescape(nh3.clean(with_breaks, tags=set()))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
