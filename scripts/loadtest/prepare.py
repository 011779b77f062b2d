"""Readies the demo for the load test and writes what the simulated users will ask for.

    python scripts/loadtest/prepare.py TARGETS.json     # with the load test's environment

The demo's members have not acknowledged their codes yet; a member who has used the site for a
while has, so they acknowledge them here, once (fifty simulated users signing in as the same
login would otherwise race to acknowledge). API tokens are created for two logins. Every page
listed is asked for once, as the login that will ask for it, and kept only if it answers 200: a
target the load test cannot reach would be counted as a failure of the server."""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from governance.demo.warwickshire import DEMO_PASSWORD  # noqa: E402
from governance.selectors import documents_awaiting  # noqa: E402
from governance.services import acknowledge_conduct_documents  # noqa: E402
from meetings import public  # noqa: E402
from meetings.models import Meeting, Paper, PaperFile  # noqa: E402
from partnership.models import Partnership, User  # noqa: E402

SLUG = "warwickshire-scp"
MEMBER_LOGINS = ["member", "chair", "vicechair", "secretariat"]
API_LOGINS = ["secretariat", "member"]


def answers_200(client: Client, url: str) -> bool:
    return client.get(url, headers={"host": settings.ALLOWED_HOSTS[0]}).status_code == 200


def acknowledge_codes(user: User) -> None:
    person = getattr(user, "person", None)
    awaiting = list(documents_awaiting(person, timezone.localdate()))
    if awaiting:
        acknowledge_conduct_documents(person=person, documents=awaiting)


def member_targets(user: User, partnership: Partnership) -> dict:
    client = Client()
    client.force_login(user)
    meetings = Meeting.objects.filter(partnership=partnership).values_list("pk", flat=True)
    papers = Paper.objects.filter(agenda_item__meeting__partnership=partnership).values_list("pk", flat=True)
    files = PaperFile.objects.filter(paper__agenda_item__meeting__partnership=partnership).values_list("pk", flat=True)
    urls = {
        "meetings": [reverse("meetings:meeting", args=[SLUG, pk]) for pk in meetings],
        "papers": [reverse("papers:paper", args=[SLUG, pk]) for pk in papers],
        "files": [reverse("papers:file-download", args=[SLUG, pk]) for pk in files],
    }
    return {kind: [url for url in found if answers_200(client, url)] for kind, found in urls.items()}


def main(out: Path) -> None:
    partnership = Partnership.objects.get(slug=SLUG)
    users = {user.username: user for user in User.objects.filter(username__in=MEMBER_LOGINS + API_LOGINS)}
    for username in MEMBER_LOGINS:
        acknowledge_codes(users[username])
    public_meetings = [
        reverse("public_meetings:meeting", args=[SLUG, meeting.pk]) for meeting in public.listed_meetings(partnership)
    ]
    anonymous = Client()
    targets = {
        "slug": SLUG,
        "password": DEMO_PASSWORD,
        "public_meetings": [url for url in public_meetings if answers_200(anonymous, url)],
        "members": {username: member_targets(users[username], partnership) for username in MEMBER_LOGINS},
        "tokens": [Token.objects.get_or_create(user=users[username])[0].key for username in API_LOGINS],
    }
    if not targets["public_meetings"]:
        raise SystemExit("The demo has no public meeting page that answers 200.")
    out.write_text(json.dumps(targets, indent=2))
    counts = {name: {kind: len(urls) for kind, urls in found.items()} for name, found in targets["members"].items()}
    print(f"Targets: {len(targets['public_meetings'])} public meetings; member pages {counts}")


if __name__ == "__main__":
    if "DJANGO_SETTINGS_MODULE" not in os.environ:
        raise SystemExit("Run through scripts/loadtest/run.py, which sets the load test's environment.")
    main(Path(sys.argv[1]))
