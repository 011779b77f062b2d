"""Chair and vice chair terms (ToR 5.2): a term ends after the partnership's term of years, and
the election of a successor must be on an agenda in time. The secretariat and the chair are
told 2 months before a term ends while nobody has been appointed to follow it."""

from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from partnership.models import Office, Partnership

from .context import SweepContext, long_day
from .windows import term_ending_window


def _terms_ending_without_successor(partnership: Partnership) -> Iterator[Office]:
    """Offices loaded with the context (held from a year ago on): no query here."""
    offices = list(partnership.offices.all())
    for office in offices:
        succeeded = any(
            later.role == office.role and later.starts_on > office.starts_on for later in offices if later is not office
        )
        if not succeeded:
            yield office


def find(ctx: SweepContext) -> Iterator:
    for partnership in ctx.partnerships:
        for office in _terms_ending_without_successor(partnership):
            ends = office.ends_on
            if not term_ending_window(partnership, ends).is_open(ctx.today):
                continue
            role = office.get_role_display().lower()
            words = {"role": role, "ends": long_day(ends), "person": office.member.person.name}
            yield ctx.notice(
                partnership,
                kind="office_term_ending",
                about=f"office:{office.pk}",
                occasion=ends.isoformat(),
                recipients=ctx.secretariat_and_chair(partnership),
                subject=_("The %(role)s's term ends on %(ends)s: %(person)s") % words,
                paragraphs=(
                    _(
                        "%(person)s's term as %(role)s ends on %(ends)s. A %(role)s serves %(years)s years and may "
                        "be re-elected (terms of reference 5.2)."
                    )
                    % {**words, "years": partnership.chair_term_years},
                    _(
                        "Nobody has been appointed to follow them. Put the election of the %(role)s on the agenda "
                        "of a meeting before then, and record the result."
                    )
                    % words,
                ),
                link=reverse("partnership:register", kwargs={"slug": partnership.slug}) + "#offices",
                link_text=_("See the terms as chair and vice chair"),
                why=_("You get this as the partnership's secretariat or chair."),
            )
