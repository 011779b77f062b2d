"""What the demo's plans say and what happened to them: the milestones of each action, the
progress reported on them (so many days before the demo is loaded) and seed 004's rows for the
ethical framework plan. Months are counted from the day the demo is loaded."""

from dataclasses import dataclass

from actionplans.models import MilestoneStatus

AS_WRITTEN = ""  # a milestone titled by the plan's own Milestone column

ON_TRACK, AT_RISK, DONE = MilestoneStatus.ON_TRACK, MilestoneStatus.AT_RISK, MilestoneStatus.DONE


@dataclass(frozen=True)
class Report:
    """Progress reported `days_ago`, moving the milestone to `status` (a note when none)."""

    days_ago: int
    text: str
    evidence: str
    status: str = ""


@dataclass(frozen=True)
class MilestoneStory:
    title: str
    due_in_months: int  # due at the end of the month this many months from today's
    reports: tuple[Report, ...] = ()


@dataclass(frozen=True)
class EthicalRow:
    reference: str
    title: str
    method: str
    owner: str
    due_in_months: int | None  # None: ongoing
    outcomes: str
    evaluation: str
    milestones: tuple[MilestoneStory, ...]
    resources: str = ""
    wp_reference: str = ""


# The partnership plan's milestones, by the reference of their action in the CSV file.
PARTNERSHIP_STORY = {
    "1.1": (
        MilestoneStory(
            AS_WRITTEN,
            -3,
            (
                Report(
                    160,
                    "The analyst's draft assessment went to the Delivery group.",
                    "Draft strategic assessment v0.3, circulated by email",
                    ON_TRACK,
                ),
                Report(110, "The board agreed the strategic assessment.", "Minutes of the board meeting, item 4", DONE),
            ),
        ),
    ),
    "1.2": (
        MilestoneStory(
            AS_WRITTEN,
            -2,
            (
                Report(
                    150,
                    "Each responsible authority was asked in writing to name its representative.",
                    "Letters on the partnership's file",
                    ON_TRACK,
                ),
                Report(
                    75,
                    "The fire authority has still to name its representative.",
                    "Reminder sent by email; no reply yet",
                    AT_RISK,
                ),
                Report(
                    25,
                    "All five have named a senior representative; the structure chart is updated.",
                    "Refreshed terms of reference, appendix A",
                    DONE,
                ),
            ),
        ),
    ),
    "1.3": (
        MilestoneStory(
            AS_WRITTEN,
            -1,
            (
                Report(
                    100,
                    "The questionnaire was agreed with the Member Development Unit and sent to all 17 members.",
                    "Skills audit questionnaire",
                    ON_TRACK,
                ),
                Report(
                    20,
                    "Eleven of the seventeen questionnaires are back; reminders went to the rest.",
                    "Returns log kept by the secretariat",
                ),
            ),
        ),
        MilestoneStory("Development programme agreed by the board", 3),
    ),
    "2.1": (
        MilestoneStory(
            AS_WRITTEN,
            -1,
            (
                Report(
                    140,
                    "The Practitioners' Forum agreed the draft protocol.",
                    "Notes of the Practitioners' Forum",
                    ON_TRACK,
                ),
                Report(
                    50,
                    "Probation's sign-off is held up by its national review of data sharing.",
                    "Email from the Assistant Chief Officer",
                    AT_RISK,
                ),
            ),
        ),
    ),
    "2.2": (
        MilestoneStory(
            AS_WRITTEN,
            1,
            (
                Report(
                    90,
                    "The police, the county council and the fire authority have named their liaison officers.",
                    "List of liaison officers",
                    ON_TRACK,
                ),
                Report(
                    15,
                    "The NHS trust will name its officer at the next board meeting.",
                    "Email from the Director of Operations",
                ),
            ),
        ),
    ),
    "3.1": (
        MilestoneStory(
            AS_WRITTEN,
            -3,
            (
                Report(
                    120,
                    "Shire Hall is held for three possible dates; the choice goes to the board.",
                    "Booking confirmation",
                    ON_TRACK,
                ),
                Report(
                    95,
                    "The board chose the date and Shire Hall as the venue.",
                    "Minutes of the board meeting, item 6",
                    DONE,
                ),
            ),
        ),
        MilestoneStory(
            "Annual public meeting held",
            1,
            (
                Report(
                    20, "Notice of the meeting is on the website and in the local papers.", "Public notice", ON_TRACK
                ),
            ),
        ),
    ),
    "3.2": (
        MilestoneStory(
            AS_WRITTEN,
            1,
            (
                Report(
                    130,
                    "A communications officer is assigned to the partnership.",
                    "Email from the county council",
                    ON_TRACK,
                ),
                Report(
                    35,
                    "Drafting has stalled while the county council restructures its communications team.",
                    "Update to the Delivery group",
                    AT_RISK,
                ),
            ),
        ),
        MilestoneStory("Communications strategy adopted by the board", 4),
    ),
    "3.3": (MilestoneStory(AS_WRITTEN, 4),),
    "4.1": (
        MilestoneStory(
            AS_WRITTEN,
            -2,
            (
                Report(
                    170, "The partnership analyst has listed the data each partner holds.", "Data inventory", ON_TRACK
                ),
                Report(
                    100,
                    "Health data is held back until the information-sharing protocol is signed.",
                    "Delivery group notes",
                    AT_RISK,
                ),
                Report(
                    45,
                    "An interim agreement lets health data flow while the protocol is signed.",
                    "Interim data-sharing agreement",
                    ON_TRACK,
                ),
            ),
        ),
    ),
    "4.2": (
        MilestoneStory(
            AS_WRITTEN,
            2,
            (Report(30, "The community survey closed with 1,240 responses.", "Survey summary", ON_TRACK),),
        ),
    ),
    "5.1": (MilestoneStory(AS_WRITTEN, 4),),
    "6.1": (
        MilestoneStory(
            AS_WRITTEN,
            3,
            (
                Report(
                    80,
                    "Cost data for the first quarter is in from every partner.",
                    "Cost returns spreadsheet",
                    ON_TRACK,
                ),
            ),
        ),
    ),
}

ETHICAL_TITLE = "Ethical framework improvement plan"
ETHICAL_SECTIONS = [
    (
        "B",
        "Relationships",
        [
            EthicalRow(
                "(a)",
                "Raise awareness amongst members and officers of the roles of those delivering the ethical framework",
                "Information about the Standards Committee and the Monitoring Officer's roles readily available",
                "MO and Standards Committee",
                2,
                "Members and officers will understand the respective roles",
                "Repeat of Self Assessment Survey",
                (
                    MilestoneStory(
                        "Roles page published on the partnership's intranet",
                        -2,
                        (Report(70, "The roles page is live on the intranet.", "Intranet page", DONE),),
                    ),
                    MilestoneStory("Self Assessment Survey repeated", 2),
                ),
                resources="IT resource for intranet availability",
                wp_reference="WP 12-01 and subsequent meetings",
            ),
        ],
    ),
    ("C", "Communication", []),
    (
        "C.1",
        "Induction",
        [
            EthicalRow(
                "(a)",
                "Review induction for new board members",
                "Induction pack covers the code of conduct and the register of interests",
                "Cllr Helen Marsh",
                1,
                "New members know to complete the register of interests and are aware of the Standards Committee",
                "Repeat of Self Assessment Survey (with analysis for new members)",
                (
                    MilestoneStory(
                        "Induction pack revised",
                        -1,
                        (
                            Report(
                                120,
                                "The secretariat has redrafted the induction pack.",
                                "Draft induction pack",
                                ON_TRACK,
                            ),
                            Report(
                                30, "Legal review of the pack has not started.", "Email from legal services", AT_RISK
                            ),
                        ),
                    ),
                ),
            ),
        ],
    ),
    (
        "C.2",
        "Training",
        [
            EthicalRow(
                "(a)",
                "Provide ethical training for key partners",
                "Extension of appropriate training to key partnerships",
                "Ch Supt Mark Dunn",
                3,
                "Greater awareness amongst partners of key ethical issues",
                "Repeat of Self Assessment Survey to key partners",
                (
                    MilestoneStory(
                        "First session for police and probation officers",
                        0,
                        (
                            Report(60, "A trainer is booked for the first session.", "Booking confirmation", ON_TRACK),
                            Report(10, "24 officers attended the first session.", "Attendance register", DONE),
                        ),
                    ),
                    MilestoneStory("Training offered to every partner organisation", 3),
                ),
                wp_reference="WP 12-01",
            ),
            EthicalRow(
                "(b)",
                "Conduct a regular audit of training received by members and officers on ethical issues",
                "Audit training received by members and senior officers",
                "Secretariat",
                4,
                "A clear understanding of what training each member and officer has received",
                "All members and officers have received training",
                (MilestoneStory("Training records collected from every partner", 4),),
            ),
        ],
    ),
    (
        "D",
        "Accountability",
        [
            EthicalRow(
                "1.",
                "Examine ways of building accountability into processes which appear to lack it",
                "Review existing processes such as decision taking and partnership documentation",
                "MO and Head of Committee Services",
                2,
                "Clarity about who is responsible for decisions",
                "Accountability",
                (
                    MilestoneStory(
                        "Review of decision-making reported to the board",
                        2,
                        (
                            Report(
                                90,
                                "The review of decision taking has started with the meeting records.",
                                "Review plan",
                                ON_TRACK,
                            ),
                        ),
                    ),
                ),
            ),
        ],
    ),
    (
        "E",
        "Guidance",
        [
            EthicalRow(
                "1.",
                "Develop clear guidance to officers and members on ethical issues in specific areas",
                "Prepare specific guidance documents",
                "MO and Standards Committee",
                None,
                "Set of clear procedures which are readily accessible",
                "Repeat of surveys",
                (
                    MilestoneStory(
                        "Guidance on gifts and hospitality published",
                        -3,
                        (Report(130, "The gifts and hospitality guidance is published.", "Guidance note GH1", DONE),),
                    ),
                ),
            ),
        ],
    ),
]
