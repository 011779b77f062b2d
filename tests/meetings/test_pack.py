"""The agenda pack: cover, agenda, cover sheets and appended PDFs in one tagged PDF; the public
pack without any confidential item or paper; kept until the agenda changes."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from meetings import services
from meetings.models import AgendaPack, PackStatus, PackVariant
from meetings.pack import packs
from meetings.pack.contents import members_contents, public_contents
from meetings.tasks import build_agenda_pack
from tests.meetings.papers_support import COVER_SHEET, docx_bytes, pdf_bytes, stored_files, upload

TUESDAY = datetime.date(2027, 6, 15)
NOW = timezone.make_aware(datetime.datetime(2027, 6, 1, 10))
SECRET_TITLE = "Case review: family at Oak Road"
SECRET_PAPER = "Oak Road chronology"
SECRET_TEXT = "Chronology of agency contact with the family"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    return settings.MEDIA_ROOT


@pytest.fixture
def meeting(warwickshire, secretariat, media):
    meeting = services.schedule_meeting(
        partnership=warwickshire,
        title="Annual public meeting",
        date=TUESDAY,
        start_time=datetime.time(18),
        end_time=datetime.time(20),
        place="Shire Hall, Warwick",
        is_public=True,
    )
    standards = services.add_agenda_item(
        meeting=meeting, title="Partnership standards", purpose="decision", presenter="Community Safety Manager"
    )
    paper = services.add_paper(agenda_item=standards, **COVER_SHEET)
    services.attach_file(
        paper=paper,
        upload=upload("appendix.pdf", pdf_bytes("Six hallmarks of effective practice", pages=2)),
        by=secretariat,
    )
    services.attach_file(paper=paper, upload=upload("action plan.docx", docx_bytes()), by=secretariat)
    case = services.add_agenda_item(
        meeting=meeting, title=SECRET_TITLE, is_confidential=True, confidential_reason="personal"
    )
    secret = services.add_paper(
        agenda_item=case, **{**COVER_SHEET, "title": SECRET_PAPER, "summary": "Agency contact."}
    )
    services.attach_file(paper=secret, upload=upload("chronology.pdf", pdf_bytes(SECRET_TEXT)), by=secretariat)
    services.add_agenda_item(meeting=meeting, title="Any other business", purpose="information")
    return meeting


@pytest.fixture
def builds(monkeypatch):
    """The builds queued, each run at once as a worker would."""
    queued = []

    def delay(meeting_id, variant):
        queued.append((meeting_id, variant))
        return build_agenda_pack(meeting_id, variant)

    monkeypatch.setattr(packs.build_agenda_pack, "delay", delay)
    return queued


def publish(meeting, chair, secretariat):
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(meeting=meeting, by=secretariat, now=NOW)
    meeting.refresh_from_db()


def read(pack: AgendaPack) -> PdfReader:
    with pack.file.open("rb") as stored:
        return PdfReader(io.BytesIO(stored.read()))


def text_of(reader: PdfReader) -> str:
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))


def outline_titles(reader: PdfReader) -> list[str]:
    def walk(entries):
        for entry in entries:
            if isinstance(entry, list):
                yield from walk(entry)
            else:
                yield entry.title

    return list(walk(reader.outline))


def test_the_members_pack_holds_the_agenda_cover_sheets_and_appended_papers(meeting):
    pack = packs.build_pack(meeting_id=meeting.pk, variant=PackVariant.MEMBERS)
    assert pack.status == PackStatus.READY
    assert pack.progress == 100
    reader = read(pack)
    text = text_of(reader)
    # The cover.
    assert "Warwickshire Safer Communities Partnership" in text
    assert "Annual public meeting" in text
    assert "Tuesday 15 June 2027" in text
    assert "18:00 to 20:00" in text
    assert "Shire Hall, Warwick" in text
    # The agenda, in order, the confidential item marked with why.
    titles = ["Apologies for absence", "Partnership standards", SECRET_TITLE, "Any other business"]
    positions = [text.index(f": {title}") for title in titles]
    assert positions == sorted(positions)
    assert "Confidential: Exempt: personal information." in text
    assert "Presented by: Community Safety Manager" in text
    # The cover sheets.
    for value in COVER_SHEET.values():
        if value != "decision":
            assert value in text
    assert "For decision" in text
    assert SECRET_PAPER in text
    # The appended PDFs, after their cover sheet; the DOCX listed only.
    assert "Six hallmarks of effective practice, page 1" in text
    assert "Six hallmarks of effective practice, page 2" in text
    assert SECRET_TEXT in text
    assert text.index("Six hallmarks") > text.index(COVER_SHEET["recommendations"])
    assert "action plan.docx: provided separately" in text
    assert "appendix.pdf: follows this cover sheet" in text


def test_pages_are_numbered_across_the_appended_papers_and_bookmarked(meeting):
    reader = read(packs.build_pack(meeting_id=meeting.pk, variant=PackVariant.MEMBERS))
    pages = [page.extract_text() for page in reader.pages]
    # Cover, agenda, cover sheet, 2 appended pages, cover sheet, 1 appended page.
    assert len(pages) == 7
    assert "Page 3" in pages[2]
    assert "Six hallmarks of effective practice, page 1" in pages[3]
    assert "Page 6" in pages[5]
    assert SECRET_PAPER in pages[5]
    assert SECRET_TEXT in pages[6]
    titles = outline_titles(reader)
    assert titles[:2] == ["Annual public meeting", "Agenda"]
    assert "Item 5: Partnership standards" in titles
    assert titles.index("Appended: appendix.pdf") == titles.index(COVER_SHEET["title"]) + 1
    assert "Appended: chronology.pdf" in titles


def test_the_pack_is_tagged_for_accessibility(meeting):
    reader = read(packs.build_pack(meeting_id=meeting.pk, variant=PackVariant.MEMBERS))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en-GB"
    assert reader.metadata.title.startswith("Agenda pack: Annual public meeting")
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()


def test_the_public_pack_leaves_out_confidential_items_and_their_papers(meeting, chair, secretariat):
    publish(meeting, chair, secretariat)
    pack = packs.build_pack(meeting_id=meeting.pk, variant=PackVariant.PUBLIC)
    text = text_of(read(pack))
    assert "Partnership standards" in text
    assert "Six hallmarks of effective practice" in text
    assert "Item 6: exempt: personal information" in text
    for secret in (SECRET_TITLE, "Oak Road", SECRET_PAPER, SECRET_TEXT, "Agency contact", "chronology.pdf"):
        assert secret not in text
    assert "Members' pack" not in text


def test_the_public_pack_never_reads_a_confidential_row(meeting, chair, secretariat):
    publish(meeting, chair, secretariat)
    contents = public_contents(meeting.pk)
    assert SECRET_TITLE not in repr(contents)
    assert SECRET_PAPER not in repr(contents)
    assert [item.title for item in contents.items if item.exemption] == [None]


def test_public_pack_is_only_for_a_published_meeting(
    meeting, chair, secretariat, builds, django_capture_on_commit_callbacks
):
    assert packs.public_pack(meeting) is None  # not circulated yet
    publish(meeting, chair, secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        pack = packs.public_pack(meeting)
    assert builds == [(meeting.pk, PackVariant.PUBLIC)]
    pack.refresh_from_db()
    assert pack.variant == PackVariant.PUBLIC
    assert pack.is_ready
    assert SECRET_TEXT not in text_of(read(pack))


def test_a_private_meeting_has_no_public_pack(meeting, chair, secretariat):
    meeting.is_public = False
    meeting.save()
    publish(meeting, chair, secretariat)
    assert packs.public_pack(meeting) is None
    assert not AgendaPack.objects.exists()


def test_the_pack_is_kept_until_the_agenda_changes(meeting, media, builds, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = packs.members_pack(meeting)
    assert builds == [(meeting.pk, PackVariant.MEMBERS)]
    first.refresh_from_db()
    assert first.is_ready
    first_file = first.file.name

    with django_capture_on_commit_callbacks(execute=True):
        again = packs.members_pack(meeting)
    assert len(builds) == 1
    assert again.is_ready
    assert again.file.name == first_file

    paper = meeting.agenda_items.get(title="Partnership standards").papers.get()
    services.update_paper(paper=paper, recommendations="That the Board notes the new standards.")
    with django_capture_on_commit_callbacks(execute=True):
        stale = packs.members_pack(meeting)
    assert len(builds) == 2
    assert not stale.is_ready
    rebuilt = AgendaPack.objects.get(pk=first.pk)
    assert rebuilt.is_ready
    assert rebuilt.fingerprint != first.fingerprint
    assert "That the Board notes the new standards." in text_of(read(rebuilt))
    assert media / first_file not in stored_files(media)
    assert media / rebuilt.file.name in stored_files(media)


@pytest.mark.parametrize(
    "change",
    [
        lambda meeting: services.add_agenda_item(meeting=meeting, title="Strategic assessment"),
        lambda meeting: services.move_agenda_item(item=meeting.agenda_items.get(title="Any other business"), places=-1),
        lambda meeting: services.remove_file(
            paper_file=meeting.agenda_items.get(title=SECRET_TITLE).papers.get().files.get()
        ),
    ],
)
def test_any_change_to_items_papers_or_files_makes_a_new_fingerprint(meeting, change):
    before = members_contents(meeting.pk).fingerprint()
    change(meeting)
    assert members_contents(meeting.pk).fingerprint() != before


def test_a_change_to_a_confidential_item_leaves_the_public_pack_as_it_is(meeting):
    before = public_contents(meeting.pk).fingerprint()
    services.update_agenda_item(item=meeting.agenda_items.get(title=SECRET_TITLE), presenter="Head of Safeguarding")
    assert public_contents(meeting.pk).fingerprint() == before


def test_asking_twice_while_it_is_being_made_queues_it_once(meeting, monkeypatch, django_capture_on_commit_callbacks):
    queued = []
    monkeypatch.setattr(packs.build_agenda_pack, "delay", lambda *args: queued.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        first = packs.members_pack(meeting, now=NOW)
        second = packs.members_pack(meeting, now=NOW + datetime.timedelta(minutes=1))
    assert queued == [(meeting.pk, PackVariant.MEMBERS)]
    assert second.pk == first.pk
    assert second.status == PackStatus.QUEUED
    # A worker lost with it: asked for again after a while.
    with django_capture_on_commit_callbacks(execute=True):
        packs.members_pack(meeting, now=NOW + datetime.timedelta(minutes=20))
    assert len(queued) == 2


def test_the_task_is_safe_to_run_twice(meeting):
    build_agenda_pack(meeting.pk, PackVariant.MEMBERS)
    pack = AgendaPack.objects.get(meeting=meeting, variant=PackVariant.MEMBERS)
    built_at, name = pack.built_at, pack.file.name
    assert build_agenda_pack(meeting.pk, PackVariant.MEMBERS) == PackStatus.READY
    pack.refresh_from_db()
    assert (pack.built_at, pack.file.name) == (built_at, name)


def test_a_damaged_pdf_is_listed_as_provided_separately(meeting, secretariat):
    paper = meeting.agenda_items.get(title="Partnership standards").papers.get()
    services.attach_file(paper=paper, upload=upload("damaged.pdf", b"%PDF-1.7\nnothing else"), by=secretariat)
    text = text_of(read(packs.build_pack(meeting_id=meeting.pk, variant=PackVariant.MEMBERS)))
    assert "damaged.pdf: provided separately (it could not be added to this pack)" in text
    assert "Six hallmarks of effective practice" in text
