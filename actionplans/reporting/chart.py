"""The report's chart of a plan's milestones over the quarter, drawn on the server as SVG (no
script, nothing fetched): a stacked bar per sample day, counting the milestones at each status.
Colour is never the only clue: each status also has its own pattern, the legend names them,
and each bar segment tall enough to hold it is labelled with its count."""

import datetime
import math
from html import escape

from django.utils.translation import gettext as _

from ..models import MilestoneStatus
from .content import PlanReport
from .quarters import Quarter

WIDTH, HEIGHT = 680, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 150, 16, 58
PLOT_WIDTH, PLOT_HEIGHT = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
LABEL_MIN_HEIGHT = 13  # a segment shorter than this has no room for its count
FONT = 'font-family="Liberation Sans, Arial, sans-serif"'

# Stacked from the bottom up: done first, then on track, not started, at risk, overdue on top.
STACK = [
    MilestoneStatus.DONE,
    MilestoneStatus.ON_TRACK,
    MilestoneStatus.NOT_STARTED,
    MilestoneStatus.AT_RISK,
    MilestoneStatus.OVERDUE,
]
# (fill, pattern drawn over it): GOV.UK palette.
LOOKS = {
    MilestoneStatus.DONE: ("#00703c", '<circle cx="3" cy="3" r="1.2" fill="#ffffff"/>'),
    MilestoneStatus.ON_TRACK: ("#1d70b8", '<path d="M0 3H6" stroke="#ffffff" stroke-width="1"/>'),
    MilestoneStatus.NOT_STARTED: ("#b1b4b6", ""),
    MilestoneStatus.AT_RISK: ("#ffdd00", '<path d="M0 6L6 0" stroke="#0b0c0c" stroke-width="1"/>'),
    MilestoneStatus.OVERDUE: (
        "#d4351c",
        '<path d="M0 6L6 0M0 0L6 6" stroke="#ffffff" stroke-width="1"/>',
    ),
}


def _short(day: datetime.date) -> str:
    return f"{day.day} {day:%b}"


def _long(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _counts(statuses: dict[str, int]) -> str:
    return ", ".join(f"{statuses.get(status, 0)} {MilestoneStatus(status).label.lower()}" for status in STACK)


def _step(most: int) -> int:
    """A tick step of 1, 2 or 5 times a power of ten giving at most five steps up the axis."""
    power = 10 ** max(0, math.floor(math.log10(max(most, 1))) - 1)
    for factor in (1, 2, 5, 10, 20, 50):
        if most / (factor * power) <= 5:
            return factor * power
    return 100 * power


def _patterns(prefix: str) -> str:
    defs = []
    for status in STACK:
        fill, marks = LOOKS[status]
        defs.append(
            f'<pattern id="{prefix}-{status}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{fill}"/>{marks}</pattern>'
        )
    return "<defs>" + "".join(defs) + "</defs>"


def _y_axis(top: int) -> list[str]:
    step = _step(top)
    parts = [f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + PLOT_HEIGHT}" stroke="#0b0c0c"/>']
    for value in range(0, top + 1, step):
        y = TOP + PLOT_HEIGHT - value * PLOT_HEIGHT / top
        parts.append(f'<line x1="{LEFT - 4}" y1="{y:.1f}" x2="{LEFT + PLOT_WIDTH}" y2="{y:.1f}" stroke="#dddddd"/>')
        parts.append(f'<text x="{LEFT - 7}" y="{y + 4:.1f}" text-anchor="end" font-size="10" {FONT}>{value}</text>')
    middle = TOP + PLOT_HEIGHT / 2
    parts.append(
        f'<text x="14" y="{middle:.1f}" transform="rotate(-90 14 {middle:.1f})" text-anchor="middle" '
        f'font-size="11" {FONT}>{escape(_("Milestones"))}</text>'
    )
    return parts


def _bar(prefix: str, index: int, slot: float, sample, top: int) -> str:
    width = slot * 0.6
    x = LEFT + index * slot + (slot - width) / 2
    y = TOP + PLOT_HEIGHT
    parts = [f'<g class="bar"><title>{escape(_long(sample.day))}: {escape(_counts(sample.statuses))}</title>']
    for status in STACK:
        count = sample.statuses.get(status, 0)
        if not count:
            continue
        height = count * PLOT_HEIGHT / top
        y -= height
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
            f'fill="url(#{prefix}-{status})" stroke="#0b0c0c" stroke-width="0.5"/>'
        )
        if height >= LABEL_MIN_HEIGHT:
            middle_x, middle_y = x + width / 2, y + height / 2
            label_width = 6 + 5.5 * len(str(count))
            parts.append(
                f'<rect x="{middle_x - label_width / 2:.1f}" y="{middle_y - 5.5:.1f}" width="{label_width:.1f}" '
                f'height="11" rx="2" fill="#ffffff"/><text x="{middle_x:.1f}" y="{middle_y + 3.5:.1f}" '
                f'text-anchor="middle" font-size="9" font-weight="bold" fill="#0b0c0c" {FONT}>{count}</text>'
            )
    label_y = TOP + PLOT_HEIGHT + 14
    parts.append(
        f'<text x="{x + width / 2:.1f}" y="{label_y}" text-anchor="middle" font-size="9" {FONT}>'
        f"{escape(_short(sample.day))}</text></g>"
    )
    return "".join(parts)


def _legend(prefix: str) -> list[str]:
    parts = []
    x = LEFT + PLOT_WIDTH + 18
    # Listed top down in the order the bars stack from the top, so the legend reads like the bars.
    for row, status in enumerate(reversed(STACK)):
        y = TOP + 8 + row * 22
        parts.append(
            f'<rect x="{x}" y="{y}" width="14" height="14" fill="url(#{prefix}-{status})" stroke="#0b0c0c" '
            f'stroke-width="0.5"/><text x="{x + 20}" y="{y + 11}" font-size="11" {FONT}>'
            f"{escape(MilestoneStatus(status).label)}</text>"
        )
    return parts


def status_chart(plan_report: PlanReport, quarter: Quarter) -> str:
    """The plan's chart as an <svg> element, to be written straight into the report's HTML."""
    prefix = f"plan-{plan_report.plan.pk}"
    samples = plan_report.samples
    top = max([sum(sample.statuses.values()) for sample in samples] + [1])
    top = math.ceil(top / _step(top)) * _step(top)
    slot = PLOT_WIDTH / max(len(samples), 1)
    title = _("%(plan)s: milestones by status, %(months)s") % {"plan": plan_report.plan.title, "months": quarter.months}
    last = samples[-1] if samples else None
    desc = (
        _(
            "Stacked bars, one for each week from %(first)s to %(last)s, counting the plan's milestones at each "
            "status at the end of that day. On %(last)s: %(counts)s."
        )
        % {"first": _long(samples[0].day), "last": _long(last.day), "counts": _counts(last.statuses)}
        if last
        else _("No milestones to show.")
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{prefix}-title {prefix}-desc">',
        f'<title id="{prefix}-title">{escape(title)}</title>',
        f'<desc id="{prefix}-desc">{escape(desc)}</desc>',
        _patterns(prefix),
        *_y_axis(top),
        f'<line x1="{LEFT}" y1="{TOP + PLOT_HEIGHT}" x2="{LEFT + PLOT_WIDTH}" y2="{TOP + PLOT_HEIGHT}" '
        f'stroke="#0b0c0c"/>',
        *(_bar(prefix, index, slot, sample, top) for index, sample in enumerate(samples)),
        f'<text x="{LEFT + PLOT_WIDTH / 2:.1f}" y="{HEIGHT - 12}" text-anchor="middle" font-size="11" {FONT}>'
        f"{escape(_('Status at the end of each week'))}</text>",
        *_legend(prefix),
        "</svg>",
    ]
    return "".join(parts)
