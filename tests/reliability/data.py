"""Partnerships with a realistic volume of notifications due: every member of each is reminded
to acknowledge the Code of Conduct and to confirm their register of interests (never
confirmed), and its secretariat gets the week's list and the meetings-a-year warning."""

import datetime

from partnership.models import Member, NominatingBody, Person
from tests.factories import ConductDocumentFactory, PartnershipFactory, SecretariatFactory, UserFactory


def members_who_have_not_acknowledged(n: int, *, members: int, today: datetime.date):
    """Partnership `n`, with `members` seats (a person each) and a code in force for ten days
    that none of them has acknowledged: about two notices a member are due. Each recipient has
    each subject once, so a message is matched to its notification by the two."""
    partnership = PartnershipFactory(name=f"Community Safety Partnership {n}", slug=f"csp-{n}")
    SecretariatFactory(partnership=partnership, user=UserFactory(username=f"secretariat-{n}"))
    body = NominatingBody.objects.create(partnership=partnership, name="District councils", seats=members)
    people = Person.objects.bulk_create(
        Person(name=f"Representative {n}-{m:03}", email=f"representative-{n}-{m:03}@example.org")
        for m in range(members)
    )
    Member.objects.bulk_create(Member(partnership=partnership, nominating_body=body, person=p) for p in people)
    ConductDocumentFactory(partnership=partnership, in_force_from=today - datetime.timedelta(days=10))
    return partnership
