"""Everything "Your home" shows, gathered from every app for the signed-in person."""

import datetime

from partnership.notifications.selectors import recent_notifications

from .actions import open_actions_of
from .declarations import my_interests
from .meetings import next_meetings
from .waiting import waiting_on


def home_for(user, today: datetime.date) -> dict:
    return {
        "today": today,
        "waiting": waiting_on(user, today),
        "meetings": next_meetings(user, today),
        "interests": my_interests(user, today),
        "actions": open_actions_of(user, today),
        "notifications": recent_notifications(user),
    }
