"""The Content-Security-Policy allows scripts and styles from this site's files only, so no
template may carry code or style of its own: no <script> without src, no style="" attribute, no
on...= event handler, no javascript: link, and no <style> element in a page a browser is sent.
The site's own JavaScript sets no style attribute either (element.style, the CSSOM, is allowed)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
APPS = ("partnership", "actionplans", "meetings", "governance")
TEMPLATE_DIRS = [BASE_DIR / "templates", *(BASE_DIR / app / "templates" for app in APPS)]
OWN_SCRIPTS = [BASE_DIR / "static" / "js", BASE_DIR / "static" / "minutes"]

# Documents no browser is sent: WeasyPrint reads their <style> to make PDFs, and an email's
# style sits in its head. CSP does not apply to either; they are still held to the rest.
NOT_SENT_TO_A_BROWSER = {
    "meetings/pack/pack.html",
    "meetings/minutes/pdf.html",
    "actionplans/quarterly_report.html",
    "governance/compliance/statement_pdf.html",
    "partnership/email/notification.html",
}

TAG = re.compile(r"<[a-zA-Z][^<>]*>", re.DOTALL)
SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
EVENT_ATTRIBUTE = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""=\s*["']?\s*javascript:""", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
SCRIPT_SETS_STYLE = re.compile(
    r"""setAttribute\(\s*["']style["']|\.cssText\b|(innerHTML|outerHTML|insertAdjacentHTML)[^;\n]*style=""",
    re.IGNORECASE,
)


def templates() -> list[Path]:
    return sorted(path for folder in TEMPLATE_DIRS for path in folder.rglob("*") if path.suffix in {".html", ".txt"})


def template_name(path: Path) -> str:
    folder = next(folder for folder in TEMPLATE_DIRS if folder in path.parents)
    return path.relative_to(folder).as_posix()


def inline_code(text: str, *, sent_to_a_browser: bool = True) -> list[str]:
    """What in a template the Content-Security-Policy would block, each as a short description."""
    found = [f"inline script {tag!r}" for tag in SCRIPT_TAG.findall(text) if not re.search(r"\ssrc\s*=", tag)]
    for tag in TAG.findall(text):
        found += [f"style attribute in {tag[:80]!r}" for _ in STYLE_ATTRIBUTE.findall(tag)]
        found += [f"event handler in {tag[:80]!r}" for _ in EVENT_ATTRIBUTE.findall(tag)]
        found += [f"javascript: link in {tag[:80]!r}" for _ in JAVASCRIPT_URL.findall(tag)]
    if sent_to_a_browser:
        found += ["<style> element" for _ in STYLE_ELEMENT.findall(text)]
    return found


def test_every_template_folder_is_scanned():
    assert len(templates()) > 100
    assert {"base.html", "meetings/minutes/write.html", "meetings/pack/pack.html"} <= {
        template_name(path) for path in templates()
    }
    assert {template_name(path) for path in templates()} >= NOT_SENT_TO_A_BROWSER


@pytest.mark.parametrize("path", templates(), ids=template_name)
def test_template_has_no_inline_script_style_or_handler(path):
    name = template_name(path)
    found = inline_code(path.read_text(encoding="utf-8"), sent_to_a_browser=name not in NOT_SENT_TO_A_BROWSER)
    assert not found, f"{name}: " + "; ".join(found)


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert(1)</script>",
        '<script type="module">import "x";</script>',
        '<p style="color: red">Red</p>',
        "<p\n  class='x'\n  style='color: red'>Red</p>",
        '<button type="button" onclick="go()">Go</button>',
        "<body onload='start()'>",
        '<a href="javascript:void(0)">Nothing</a>',
        "<style>p { color: red; }</style>",
    ],
)
def test_the_scan_finds_what_csp_would_block(snippet):
    assert inline_code(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        '<script type="module" src="/static/js/init.mjs"></script>',
        '<a href="/online/" class="govuk-link">Meetings held online</a>',
        "<p>Based on=the terms of reference, style=plain</p>",
        '<link rel="stylesheet" href="/static/css/site.css">',
    ],
)
def test_the_scan_lets_external_files_and_plain_words_be(snippet):
    assert inline_code(snippet) == []


def test_only_documents_for_pdfs_and_emails_have_a_style_element():
    with_style = {template_name(path) for path in templates() if STYLE_ELEMENT.search(path.read_text(encoding="utf-8"))}
    assert with_style <= NOT_SENT_TO_A_BROWSER
    for name in NOT_SENT_TO_A_BROWSER:
        path = next(path for path in templates() if template_name(path) == name)
        assert "{% extends" not in path.read_text(encoding="utf-8"), f"{name} is a whole document of its own"


def own_scripts() -> list[Path]:
    return sorted(path for folder in OWN_SCRIPTS for path in folder.rglob("*") if path.suffix in {".js", ".mjs"})


def test_the_sites_own_scripts_are_scanned():
    assert {path.name for path in own_scripts()} >= {"init.mjs", "editor.mjs"}


@pytest.mark.parametrize("path", own_scripts(), ids=lambda path: path.name)
def test_the_sites_own_scripts_set_no_style_attribute_nor_evaluate_strings(path):
    source = path.read_text(encoding="utf-8")
    assert not SCRIPT_SETS_STYLE.search(source), f"{path.name} sets a style attribute; use element.style or a class"
    assert not re.search(r"\beval\(|new Function\(|setTimeout\(\s*[\"'`]", source), f"{path.name} evaluates a string"


@pytest.mark.parametrize(
    "line",
    [
        'editor.setAttribute("style", "color: red");',
        "editor.style.cssText = 'color: red';",
        'editor.innerHTML = `<p style="color: red">x</p>`;',
    ],
)
def test_the_script_scan_finds_a_style_attribute_being_set(line):
    assert SCRIPT_SETS_STYLE.search(line)
