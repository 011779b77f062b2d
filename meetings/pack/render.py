"""The pack as one PDF: WeasyPrint makes the cover, the agenda and each paper's cover sheet from
an HTML template with print CSS (tagged as PDF/UA-1, bookmarks from its headings); pypdf puts
each paper's uploaded PDFs straight after its cover sheet, with a bookmark of their own.

Pages are numbered by CSS counters; the count skips over the appended pages (they keep their
own numbers), so the number printed on a cover sheet is its place in the whole pack."""

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from .contents import PackContents, PackFile, PackPaper

logger = logging.getLogger(__name__)
PDF_VARIANT = "pdf/ua-1"
TEMPLATE = "meetings/pack/pack.html"


@dataclass
class Appended:
    """A paper's PDF file, read and ready to go after its cover sheet."""

    file: PackFile
    reader: PdfReader

    @property
    def page_count(self) -> int:
        return len(self.reader.pages)


def _read_pdf(pack_file: PackFile, open_file: Callable) -> PdfReader | None:
    """The file's pages, or None when they cannot be read (damaged, or locked with a password):
    such a file is listed as provided separately rather than spoiling the pack."""
    try:
        with open_file(pack_file.stored_name) as stored:
            reader = PdfReader(io.BytesIO(stored.read()))
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        for page in reader.pages:
            page.mediabox  # noqa: B018 - reads each page now, so a damaged one fails here
        return reader if len(reader.pages) else None
    except Exception:  # an uploaded file can be broken in any way; the pack goes on without it
        logger.warning("Paper file %s could not be read as a PDF; listed as provided separately", pack_file.pk)
        return None


def read_appended(contents: PackContents, open_file: Callable) -> dict[int, list[Appended]]:
    """Each paper's readable PDF files, by paper."""
    appended: dict[int, list[Appended]] = {}
    for paper in contents.papers:
        for pack_file in paper.files:
            if pack_file.is_pdf and (reader := _read_pdf(pack_file, open_file)) is not None:
                appended.setdefault(paper.pk, []).append(Appended(pack_file, reader))
    return appended


def render_html(contents: PackContents, appended: dict[int, list[Appended]]) -> str:
    papers = contents.papers
    # The first page of the paper after one with appended files skips over their pages.
    skips = []
    for before, after in zip(papers, papers[1:], strict=False):
        pages = sum(part.page_count for part in appended.get(before.pk, ()))
        if pages:
            skips.append((after.pk, pages + 1))
    appended_file_ids = {part.file.pk for parts in appended.values() for part in parts}
    return render_to_string(TEMPLATE, {"pack": contents, "page_skips": skips, "appended_file_ids": appended_file_ids})


def _bookmarks(writer: PdfWriter):
    """Every bookmark WeasyPrint made: its dictionary, its title and the page it points to."""
    root = writer.root_object
    stack = [root["/Outlines"]] if "/Outlines" in root else []
    while stack:
        item = stack.pop().get("/First")
        while item is not None:
            entry = item.get_object()
            destination = entry.get("/Dest")
            if isinstance(destination, ArrayObject) and destination:
                yield entry, str(entry.get("/Title", "")), getattr(destination[0], "idnum", None)
            stack.append(entry)
            item = entry.get("/Next")


def appended_label(pack_file: PackFile) -> str:
    # The same words as the bookmark label pack.html gives the file, so the two can be matched.
    return f"{_('Appended:')} {pack_file.name}"


def append_papers(
    html_pdf: bytes, contents: PackContents, appended: dict[int, list[Appended]], first_pages: dict[int, int]
) -> bytes:
    """Put each paper's PDFs after its cover sheet. `first_pages` is where each paper's cover
    sheet starts in the HTML part. The cover sheet lists each appended file with a bookmark
    (under the paper's), which is pointed at the file's first page once it is in."""
    writer = PdfWriter(clone_from=io.BytesIO(html_pdf))
    html_pages = len(writer.pages)
    papers = [paper for paper in contents.papers if paper.pk in first_pages]
    ends = {paper.pk: first_pages[after.pk] for paper, after in zip(papers, papers[1:], strict=False)}
    page_ids = [page.indirect_reference.idnum for page in writer.pages]
    bookmarks = {(title, page_id): entry for entry, title, page_id in _bookmarks(writer)}
    # From the last paper back, so the places still to fill do not move.
    for paper in reversed(papers):
        at = ends.get(paper.pk, html_pages)
        cover_sheet = page_ids[first_pages[paper.pk] : at]
        for part in reversed(appended.get(paper.pk, ())):
            for offset, page in enumerate(part.reader.pages):
                writer.insert_page(page, at + offset)
            first = writer.pages[at].indirect_reference
            label = appended_label(part.file)
            entry = next((bookmarks[label, page] for page in cover_sheet if (label, page) in bookmarks), None)
            if entry is None:
                writer.add_outline_item(title=label, page_number=at)
            else:
                entry[NameObject("/Dest")] = ArrayObject([first, NameObject("/Fit")])
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _first_pages(document, papers: list[PackPaper]) -> dict[int, int]:
    wanted = {f"paper-{paper.pk}": paper.pk for paper in papers}
    first: dict[int, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor in wanted:
                first.setdefault(wanted[anchor], index)
    return first


def render_pack(
    contents: PackContents, *, open_file: Callable, progress: Callable[[int], None] = lambda percent: None
) -> bytes:
    """The whole pack as PDF bytes. `open_file(name)` opens a stored paper file for reading;
    `progress(percent)` hears how far it has got."""
    appended = read_appended(contents, open_file)
    progress(20)
    # The pack needs nothing from outside it: no URL a paper's text could name is ever fetched.
    no_fetching = URLFetcher(allowed_protocols=())
    document = HTML(string=render_html(contents, appended), url_fetcher=no_fetching).render(pdf_variant=PDF_VARIANT)
    progress(60)
    html_pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    progress(75)
    if not appended:
        return html_pdf
    merged = append_papers(html_pdf, contents, appended, _first_pages(document, contents.papers))
    progress(95)
    return merged
