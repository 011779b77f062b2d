"""The meetings JSON API (v1): meetings, agenda items and their actions for the partnership's
own people, and the public list and iCalendar feed of published meetings.

Viewsets reuse partnership.api.base (who is asking, what they may see and do, filters); every
change goes through meetings.services; `selectors` holds the public reads."""
