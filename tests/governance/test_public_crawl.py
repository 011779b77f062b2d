"""An anonymous visitor crawls the demo's public site from its home page, following every link
on this site it can reach (pages, PDFs, the Atom and iCalendar feeds, downloads) and searching
for what must stay private. Nothing it can read may hold a confidential item's title or paper,
a draft, an email address, a file of a confidential item, or any page of a private meeting."""

import io
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlencode, urlsplit

import pytest
from django.core.management import call_command
from django.utils.formats import date_format
from pypdf import PdfReader

from governance.models import Publication
from meetings import services
from meetings.models import OPEN_STATUSES, AgendaItem, Meeting, MinuteItem, Minutes, MinutesStatus, Paper, PaperFile

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
NOT_PUBLIC = ("/accounts/", "/admin/", "/api/", "/static/", "/i18n/", "/partnerships/", "/account/", "/home/")
LIMIT = 1500


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action") and value:
                self.links.append(value)


def site_links(html: str) -> list[str]:
    """The page's links to this site, as path and query, without their anchors."""
    parser = _Links()
    parser.feed(html)
    found = []
    for link in parser.links:
        parts = urlsplit(urldefrag(link)[0])
        if not parts.scheme and not parts.netloc and parts.path.startswith("/"):
            found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def text_of(response) -> str:
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if content_type.startswith("application/pdf"):
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages)
    return body.decode("utf-8", errors="replace")


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    call_command("load_demo", force=True)


def what_must_stay_private() -> dict[str, str]:
    """Each private string, and why it is private."""
    private: dict[str, str] = {}
    for item in AgendaItem.objects.filter(is_confidential=True):
        private[item.title] = "a confidential item's title"
        if item.description:
            private[item.description] = "a confidential item's description"
    for paper in Paper.objects.filter(agenda_item__is_confidential=True):
        private[paper.title] = "a confidential paper's title"
        private[paper.summary] = "a confidential paper's summary"
    for paper_file in PaperFile.objects.filter(paper__agenda_item__is_confidential=True):
        private[paper_file.original_name] = "a confidential file's name"
        with paper_file.file.open("rb") as stored:
            for page in PdfReader(stored).pages:
                for line in (page.extract_text() or "").splitlines():
                    if len(line.strip()) > 20:
                        private[line.strip()] = "a confidential file's text"
    published = set(
        Minutes.objects.filter(status=MinutesStatus.CONFIRMED, meeting__is_public=True).values_list("pk", flat=True)
    )
    for minutes in Minutes.objects.exclude(pk__in=published).prefetch_related("items"):
        for minute in minutes.items.all():
            for sentence in re.split(r"<[^>]+>", minute.discussion):
                if len(sentence.strip()) > 20 and not _also_published(sentence.strip(), published):
                    private[sentence.strip()] = "a draft or unpublished minute"
    private.update(_private_meetings())
    return {text: why for text, why in private.items() if text}


def _title_and_date(meeting) -> str:
    return f"{meeting.title}, {date_format(meeting.date, 'j F Y')}"


def _private_meetings() -> dict[str, str]:
    """Each private meeting's title and date, as the public pages and index would write them, and
    the title of each item on its agenda, unless a public meeting shares it (a standing item)."""
    public_meetings = {_title_and_date(meeting) for meeting in Meeting.objects.filter(is_public=True)}
    open_titles = set(
        AgendaItem.objects.filter(meeting__is_public=True, is_confidential=False).values_list("title", flat=True)
    )
    private: dict[str, str] = {}
    for meeting in Meeting.objects.filter(is_public=False):
        if _title_and_date(meeting) not in public_meetings:
            private[_title_and_date(meeting)] = "a private meeting's title and date"
    for title in AgendaItem.objects.filter(meeting__is_public=False).values_list("title", flat=True):
        if title not in open_titles:
            private[title] = "the title of an item of a private meeting"
    return private


def _also_published(sentence: str, published_minutes: set[int]) -> bool:
    """The demo's meetings share standing text; a sentence is only private if no published
    minute of an open item says it too."""
    return MinuteItem.objects.filter(
        minutes_id__in=published_minutes, agenda_item__is_confidential=False, discussion__contains=sentence
    ).exists()


def without_uids(body: str) -> str:
    """An iCalendar event's UID is written like an address (RFC 5545: meeting-3@host) but is
    nobody's mailbox."""
    return re.sub(r"^UID:.*$", "", body, flags=re.MULTILINE)


def crawl(client) -> dict[str, str]:
    """Every page reachable from / by an anonymous visitor, as text, keyed by path."""
    seen: dict[str, str] = {}
    queue = deque(["/"])
    while queue and len(seen) < LIMIT:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            seen[path] = ""
            continue
        assert response.status_code in (200, 202), f"{path} answered {response.status_code}"
        text = text_of(response)
        seen[path] = text
        if response.get("Content-Type", "").startswith("text/html"):
            for target in site_links(text):
                if not target.startswith(NOT_PUBLIC) and target not in seen:
                    queue.append(target)
    return seen


def test_an_anonymous_crawl_finds_nothing_private(client, demo):
    private = what_must_stay_private()
    assert len(private) >= 5, "the demo must hold confidential and draft material for this test to mean anything"
    pages = crawl(client)
    for word in ("Domestic homicide", "restricted", "names of those involved", "board", "burglary"):
        for path in ("/search/", "/p/warwickshire-scp/search/"):
            found = f"{path}?{urlencode({'q': word})}"
            response = client.get(found)
            pages[found] = text_of(response)

    assert len(pages) < LIMIT, "the crawl was cut short: raise LIMIT"
    leaks = [
        f"{path}: {why} ({text[:60]!r})"
        for path, body in pages.items()
        for text, why in private.items()
        if text in body
    ]
    assert not leaks, "\n".join(leaks)
    private_meetings = Meeting.objects.filter(is_public=False).values_list("partnership__slug", "pk")
    reached = [p for p in pages for slug, pk in private_meetings if p.startswith(f"/p/{slug}/meetings/{pk}/")]
    assert not reached, f"a private meeting's pages were reached: {reached}"
    emails = [
        f"{path}: {match.group(0)}" for path, body in pages.items() for match in EMAIL.finditer(without_uids(body))
    ]
    assert not emails, "\n".join(emails)


def test_the_crawl_reaches_every_kind_of_public_page(client, demo):
    """The crawl means something only if it reaches what is published: a published minute, a
    decision, a paper's file, the plan, the feeds and the accessibility statement."""
    pages = crawl(client)
    paths = set(pages)
    assert len(paths) >= 25, sorted(paths)
    published_minutes_pdf = [p for p in paths if p.endswith("/minutes/pdf/")]
    downloads = [p for p in paths if "/papers/" in p]
    assert published_minutes_pdf, "no published minutes reached"
    assert downloads, "no paper download reached"
    assert any(p.endswith("/decisions/") for p in paths)
    assert any("/plan/" in p for p in paths)
    assert any(p.endswith("feed.atom") for p in paths)
    assert any(p.endswith("meetings.ics") for p in paths)
    assert "/accessibility/" in paths
    assert Publication.objects.exists()
    open_names = set(
        PaperFile.objects.filter(
            paper__agenda_item__is_confidential=False, paper__agenda_item__meeting__is_public=True
        ).values_list("original_name", flat=True)
    )
    assert open_names, "the demo must have an open paper with a file"


def _an_open_item_of_a_published_meeting_still_to_come() -> AgendaItem:
    """One whose title is its own: no other item, and no minute, says it too."""
    for item in AgendaItem.objects.filter(
        meeting__is_public=True,
        meeting__agenda_circulated_at__isnull=False,
        meeting__status__in=OPEN_STATUSES,
        is_confidential=False,
        standing="",
    ).select_related("meeting"):
        if item.meeting.is_open and AgendaItem.objects.filter(title=item.title).count() == 1:
            return item
    raise AssertionError("the demo must have a published meeting still to come, with an open item")


def test_an_item_made_confidential_after_publication_is_nowhere(client, demo, django_capture_on_commit_callbacks):
    item = _an_open_item_of_a_published_meeting_still_to_come()
    assert any(item.title in body for body in crawl(client).values()), "the item must be public to begin with"

    with django_capture_on_commit_callbacks(execute=True):
        services.update_agenda_item(item=item, is_confidential=True, confidential_reason="personal")

    pages = crawl(client)
    words_of_title = item.title.split()
    # never the whole title: the search page repeats what was searched for
    for words in (" ".join(words_of_title[:-1]), *words_of_title[:3]):
        for path in ("/search/", f"/p/{item.meeting.partnership.slug}/search/"):
            found = f"{path}?{urlencode({'q': words})}"
            pages[found] = text_of(client.get(found))
    secret = [item.title, *Paper.objects.filter(agenda_item=item).values_list("title", flat=True)]
    leaks = [f"{path}: {text!r}" for path, body in pages.items() for text in secret if text in body]
    assert not leaks, "\n".join(leaks)
