"""The milestone an imported action comes with: seed 002's "Milestone" column ("Draft to be
considered by Delivery group in April 2008.") becomes a milestone, due on the date its words
mention (30 April 2008), or on no date when they mention none, or several."""

import datetime
from dataclasses import dataclass

from django.utils.text import Truncator

from ..dates import find_date_in, read_due
from ..models import Milestone

TITLE_LENGTH = Milestone._meta.get_field("title").max_length


@dataclass(frozen=True)
class MilestonePreview:
    title: str  # the words, shortened to fit; the action keeps them whole as milestone_text
    due: datetime.date | None


def milestone_from(words: str, today: datetime.date | None = None) -> MilestonePreview | None:
    text = " ".join((words or "").split())
    if not text:
        return None
    due = read_due(text, today).due or find_date_in(text)
    return MilestonePreview(Truncator(text).chars(TITLE_LENGTH), due)
