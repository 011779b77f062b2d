"""What each kind of visitor gets from each URL of the site: the table the permission matrix
(test_permission_matrix.py) checks. A line per URL name, made from a family (who the page is
for, from the access helpers and the rules predicates) with the exceptions written out.

The rules (DESIGN.md, CONVENTIONS.md): public pages are public; a private page sends an
anonymous visitor to sign in (the API answers 401); someone outside the partnership (the
secretariat of another, staff without a role in it) gets 404, never learning a record exists;
a member without the right gets 403."""

from dataclasses import dataclass, field

from tests.security.matrix_data import ROLES

OK = "ok"  # 200, 201, 202 (a document being made), 204, or a redirect within the site
LOGIN = "login"  # a redirect to the sign-in page
FORBIDDEN = "forbidden"  # 403
NOT_FOUND = "not_found"  # 404
UNAUTHORIZED = "unauthorized"  # 401, the API's answer to no credentials
NOT_ALLOWED = "not_allowed"  # 405
INVALID = "invalid"  # 400: accepted in place of ok for an empty POST, which is a validation error

SIGNED_IN = ROLES[1:]
OUTSIDERS = ("other_secretariat", "staff")
# Logins with no person on any register (a secretariat officer, staff) have no register of
# interests or of gifts to add to: its pages answer 404, as for a line that is not theirs.
NO_REGISTER = ("secretariat", "other_secretariat", "staff")
# A record of the member's own (a line of their register, a notification, a session): anyone
# else signed in is answered as if it did not exist.
NOT_THEIRS = {role: NOT_FOUND for role in SIGNED_IN if role != "member"}
# DRF's `.json` twin of each API route is asked by these only: the route itself by everyone.
FORMAT_TWIN_ROLES = ("anonymous", "secretariat", "other_secretariat")


def _family(anonymous, member, chair, secretariat, other_secretariat, staff) -> dict:
    return dict(zip(ROLES, (anonymous, member, chair, secretariat, other_secretariat, staff), strict=True))


FAMILIES = {
    "public": _family(OK, OK, OK, OK, OK, OK),
    # Anyone signed in, about their own things (their home, their meetings, their register).
    "signed_in": _family(LOGIN, OK, OK, OK, OK, OK),
    # A partnership's private pages: its members (the chair is one) and secretariat read them.
    "partnership": _family(LOGIN, OK, OK, OK, NOT_FOUND, NOT_FOUND),
    "secretariat": _family(LOGIN, FORBIDDEN, FORBIDDEN, OK, NOT_FOUND, NOT_FOUND),
    "secretariat_and_chair": _family(LOGIN, FORBIDDEN, OK, OK, NOT_FOUND, NOT_FOUND),
    # What the chair does in person: even the secretariat is refused.
    "chair": _family(LOGIN, FORBIDDEN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND),
    # What a member does in person (declare, respond in writing): the secretariat is refused.
    "members": _family(LOGIN, OK, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND),
    # A site administrator's (superuser's) page: is_staff alone is not enough.
    "site_admin": _family(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    # The API: 401 without credentials; lists filtered to the caller's partnerships (so an
    # outsider gets an empty list, not a refusal); a row of another partnership is 404.
    "api_signed_in": _family(UNAUTHORIZED, OK, OK, OK, OK, OK),
    "api_partnership": _family(UNAUTHORIZED, OK, OK, OK, NOT_FOUND, NOT_FOUND),
    "api_secretariat": _family(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, OK, NOT_FOUND, NOT_FOUND),
    "api_chair": _family(UNAUTHORIZED, FORBIDDEN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND),
    "api_secretariat_and_chair": _family(UNAUTHORIZED, FORBIDDEN, OK, OK, NOT_FOUND, NOT_FOUND),
}


@dataclass(frozen=True)
class Line:
    family: str
    method: str = "GET"
    exceptions: dict = field(default_factory=dict)
    kwargs: dict = field(default_factory=dict)  # URL kwarg -> key of World.kwargs (or a literal via "=")
    query: str = ""
    api: bool = False
    skip: str = ""

    def expected(self, role: str) -> str:
        return self.exceptions.get(role, FAMILIES[self.family][role])


def page(family, method="GET", **options):
    return Line(family, method, **options)


def api(family, method="GET", **options):
    return Line(family, method, api=True, **options)


# The kwargs every URL of a name takes, unless its line says otherwise.
DEFAULT_KWARGS = {
    "slug": "slug",
    "item_pk": "upcoming_item_pk",
    "meeting_pk": "upcoming_pk",
    "file_pk": "public_file_pk",
    "submission_pk": "submission_pk",
    "other_pk": "other_attendee_pk",
    "declaration_pk": "declaration_pk",
    "decision_pk": "decision_pk",
    "action_pk": "action_pk",
    "section_pk": "section_pk",
    "milestone_pk": "milestone_pk",
    "key": "feed_key",
    "number": "=1",
    "format": "=json",
    "uidb64": "=MQ",
}
# Which record `pk` names, by the namespace (or name) of the URL.
PK_BY_NAMESPACE = {
    "public_meetings": "published_pk",
    "meetings": "upcoming_pk",
    "papers": "paper_pk",
    "record": "recorded_pk",
    "minutes": "recorded_pk",
    "work_programme": "work_item_pk",
    "writing": "proposal_pk",
    "actionplans": "plan_pk",
    "public_plans": "plan_pk",
    "my_actions": "action_pk",
}
PK_BY_API_BASENAME = {
    "partnership": "partnership_pk",
    "nominating-body": "body_pk",
    "member": "member_pk",
    "office": "office_pk",
    "action-plan": "plan_pk",
    "action": "action_pk",
    "milestone": "milestone_pk",
    "meeting": "upcoming_pk",
    "agenda-item": "upcoming_item_pk",
    "attendance": "attendance_pk",
    "declaration": "declaration_pk",
    "decision": "decision_pk",
    "minutes": "draft_minutes_pk",
}


def base(key: str) -> str:
    """The table's line for a pattern: DRF's `.json` twin of a route shares its route's line."""
    return key.removesuffix("[format]")


def url_kwargs(key: str, route: str, known: dict) -> dict:
    import re

    line = EXPECTATIONS[base(key)]
    name = base(key)
    namespace = name.split(":")[0] if ":" in name else None
    wanted = re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)
    kwargs = {}
    for angle, regex in wanted:
        kwarg = angle or regex
        source = line.kwargs.get(kwarg) or DEFAULT_KWARGS.get(kwarg)
        if kwarg == "pk" and source is None:
            source = PK_BY_NAMESPACE.get(namespace) if namespace else None
            if source is None and line.api:
                source = PK_BY_API_BASENAME[name.rsplit("-", 1)[0] if name not in _API_ACTIONS else _API_ACTIONS[name]]
        if source is None:
            raise KeyError(f"no value for <{kwarg}> of {key} ({route}): say which in its line")
        kwargs[kwarg] = source[1:] if source.startswith("=") else known[source]
    return kwargs


# API actions whose name does not end in -list or -detail, and whose row they act on.
_API_ACTIONS = {
    "action-plan-import-rows": "action-plan",
    "meeting-agree-agenda": "meeting",
    "meeting-circulate-agenda": "meeting",
    "meeting-pack": "meeting",
    "meeting-reorder": "meeting",
    "agenda-item-accept": "agenda-item",
    "declaration-agree-participation": "declaration",
    "decision-link-action": "decision",
    "decision-unlink-action": "decision",
    "minutes-approve": "minutes",
    "minutes-circulate": "minutes",
    "minutes-confirm": "minutes",
}

RECORDED = {"pk": "recorded_pk"}
PUBLISHED = {"pk": "published_pk"}

EXPECTATIONS: dict[str, Line] = {
    # The public site: anyone, signed in or not.
    "public:home": page("public"),
    "public:partnership": page("public"),
    "public:members": page("public"),
    "public:accessibility": page("public"),
    "public_meetings:list": page("public"),
    "public_meetings:meeting": page("public"),
    "public_meetings:pack": page("public"),
    "public_meetings:minutes-pdf": page("public"),
    "public_meetings:paper-file": page("public"),
    "public_meetings:calendar": page("public"),
    "public_meetings:decisions": page("public"),
    "public_plans:list": page("public"),
    "public_plans:plan": page("public"),
    "publications:search-all": page("public"),
    "publications:search": page("public"),
    "publications:feed": page("public"),
    "publications:subscribe": page("public"),
    "publications:confirm": page("public", kwargs={"token": "subscription_token"}),
    "publications:unsubscribe": page("public", kwargs={"token": "subscription_token"}),
    # A member's calendar: the page that gives the address is theirs; the feed's secret key is
    # the only credential a calendar server holds, so whoever has it reads the feed.
    "feeds:mine": page("signed_in"),
    "feeds:calendar": page("public"),
    "set_language": page("public", "POST"),
    # The register of a partnership.
    "partnership:mine": page("signed_in"),
    "partnership:partnership-create": page("site_admin"),
    "partnership:register": page("partnership"),
    "partnership:partnership-edit": page("secretariat"),
    "partnership:history": page("secretariat"),
    "partnership:terms-add": page("secretariat"),
    "partnership:terms-edit": page("secretariat", kwargs={"pk": "terms_pk"}),
    "partnership:body-add": page("secretariat"),
    "partnership:body-edit": page("secretariat", kwargs={"pk": "body_pk"}),
    "partnership:withdrawal-add": page("secretariat", kwargs={"pk": "body_pk"}),
    "partnership:member-add": page("secretariat"),
    "partnership:member-edit": page("secretariat", kwargs={"pk": "member_pk"}),
    "partnership:substitute-add": page("secretariat", kwargs={"pk": "member_pk"}),
    "partnership:substitute-edit": page("secretariat", kwargs={"pk": "substitute_pk"}),
    "partnership:office-add": page("secretariat"),
    "partnership:office-edit": page("secretariat", kwargs={"pk": "office_pk"}),
    "partnership:closure-days": page("secretariat"),
    # Meetings and agendas (the meeting ahead, its agenda being built).
    "meetings:list": page("partnership"),
    "meetings:meeting-add": page("secretariat"),
    "meetings:meeting": page("partnership"),
    "meetings:meeting-edit": page("secretariat"),
    "meetings:agenda-agree": page("chair", "POST"),
    "meetings:agenda-circulate": page("secretariat", "POST"),
    "meetings:item-add": page("secretariat"),
    "meetings:item-edit": page("secretariat"),
    "meetings:item-move": page("secretariat", "POST"),
    "meetings:item-remove": page("secretariat", "POST"),
    "meetings:item-accept": page("chair", "POST"),
    "meetings:paper-submit": page("partnership"),
    "meetings:submission-accept": page("secretariat", "POST"),
    "meetings:submission-return": page("secretariat", "POST"),
    "work_programme:list": page("partnership"),
    "work_programme:add": page("secretariat"),
    "work_programme:plan-year": page("secretariat", "POST"),
    "work_programme:plan": page("secretariat", "POST"),
    "work_programme:put-on-agenda": page("secretariat", "POST"),
    "my_meetings:list": page("signed_in"),
    # Papers and their files.
    "papers:paper-add": page("secretariat"),
    "papers:paper": page("partnership"),
    "papers:paper-edit": page("secretariat"),
    "papers:paper-remove": page("secretariat"),
    "papers:file-add": page("secretariat"),
    "papers:file-download": page("partnership", kwargs={"pk": "paper_file_pk"}),
    "papers:file-remove": page("secretariat", kwargs={"pk": "paper_file_pk"}),
    "papers:pack": page("partnership", kwargs=PUBLISHED),
    # The record of last week's meeting.
    "record:attendance": page("secretariat"),
    "record:other-add": page("secretariat"),
    "record:other-remove": page("secretariat", "POST"),
    "record:declarations": page("partnership"),
    "record:declaration-add": page("secretariat_and_chair"),
    "record:declare-own": page("members"),
    "record:declaration-agree": page("secretariat_and_chair"),
    "record:declaration-withdraw": page("secretariat_and_chair", "POST"),
    "record:decisions": page("partnership"),
    "record:decision-add": page("secretariat", kwargs={"item_pk": "recorded_item_pk"}),
    "record:decision-correct": page("secretariat"),
    # Its minutes in draft: the secretariat and whoever chaired it; members once circulated.
    "minutes:minutes": page("secretariat_and_chair"),
    "minutes:start": page("secretariat", "POST"),
    "minutes:write": page("secretariat", kwargs={"item_pk": "recorded_item_pk"}),
    "minutes:approve": page("chair", "POST"),
    "minutes:return": page("secretariat_and_chair", "POST"),
    "minutes:circulate": page("secretariat", "POST"),
    "minutes:confirm": page("secretariat"),
    # The October meeting's minutes, confirmed: every member reads them, their versions and PDF.
    "minutes:versions": page("partnership", kwargs=PUBLISHED),
    "minutes:version": page("partnership", kwargs=PUBLISHED),
    "minutes:history": page("partnership", kwargs=PUBLISHED),
    "minutes:pdf": page("partnership", kwargs=PUBLISHED),
    "decisions:log": page("partnership"),
    "decisions:csv": page("partnership"),
    "decisions:attendance": page("partnership"),
    "actions_arising:add": page("secretariat"),
    "actions_arising:link": page("secretariat"),
    "actions_arising:unlink": page("secretariat", "POST", kwargs={"action_pk": "arising_pk"}),
    # Decisions in writing: the chair opens, closes and withdraws; members respond.
    "writing:list": page("partnership"),
    "writing:open": page("chair"),
    "writing:proposal": page("partnership"),
    "writing:respond": page("members"),
    "writing:close": page("chair", "POST"),
    "writing:withdraw": page("chair", "POST"),
    # Action plans.
    "actionplans:list": page("partnership"),
    "actionplans:plan-add": page("secretariat"),
    "actionplans:plan": page("partnership"),
    "actionplans:plan-edit": page("secretariat"),
    "actionplans:plan-publish": page("secretariat", "POST"),
    "actionplans:plan-withdraw": page("secretariat", "POST"),
    "actionplans:owners": page("secretariat"),
    "actionplans:section-add": page("secretariat"),
    "actionplans:section-edit": page("secretariat"),
    "actionplans:section-up": page("secretariat", "POST"),
    "actionplans:section-down": page("secretariat", "POST"),
    "actionplans:action-add": page("secretariat"),
    "actionplans:action-edit": page("secretariat"),
    "actionplans:action-due": page("secretariat"),
    "actionplans:dates-check": page("secretariat"),
    "actionplans:action-remove": page("secretariat", "POST"),
    "actionplans:milestone-add": page("secretariat"),
    "actionplans:milestone-edit": page("secretariat"),
    "actionplans:export-csv": page("partnership"),
    "actionplans:export-xlsx": page("partnership"),
    "actionplans:import": page("secretariat"),
    "actionplans:import-preview": page("secretariat", kwargs={"token": "=matrix-import-token-0123456789ab"}),
    "actionplans:import-discard": page("secretariat", "POST", kwargs={"token": "=matrix-import-token-0123456789ab"}),
    "actionplan-reports:report": page("partnership"),
    "my_actions:list": page("signed_in"),
    # Progress on an action: its owner (the member) and the secretariat.
    "my_actions:progress": page("partnership", exceptions={"chair": FORBIDDEN}),
    # Governance: the home page, the codes, registers, breaches, compliance, notifications.
    "governance:home": page("signed_in"),
    "governance:acknowledge": page("signed_in"),
    "governance:acknowledgements": page("secretariat"),
    "governance:conduct-document": page("partnership", kwargs={"pk": "conduct_document_pk"}),
    "governance:compliance": page("secretariat_and_chair"),
    "governance:compliance-statement": page("secretariat_and_chair"),
    "governance:my-interests": page("signed_in"),
    "governance:my-interest-add": page("signed_in", exceptions=dict.fromkeys(NO_REGISTER, NOT_FOUND)),
    "governance:my-interests-confirm": page("signed_in", "POST", exceptions=dict.fromkeys(NO_REGISTER, NOT_FOUND)),
    # One line of the member's own register: anyone else's is 404.
    "governance:my-interest-end": page("signed_in", kwargs={"pk": "interest_pk"}, exceptions=NOT_THEIRS),
    "governance:my-gifts": page("signed_in"),
    "governance:my-gift-add": page("signed_in", exceptions=dict.fromkeys(NO_REGISTER, NOT_FOUND)),
    "governance:interests-register": page("secretariat_and_chair"),
    "governance:gifts-register": page("secretariat_and_chair"),
    "governance:breaches": page("secretariat_and_chair"),
    "governance:breach-add": page("secretariat_and_chair"),
    "governance:breach": page("secretariat_and_chair", kwargs={"pk": "breach_pk"}),
    "governance:breach-withdrawal": page("chair", "POST", kwargs={"pk": "breach_pk"}),
    "governance:breach-resolve": page("chair", kwargs={"pk": "breach_pk"}),
    "governance:my-notifications": page("signed_in"),
    "governance:my-notification": page("signed_in", kwargs={"pk": "notification_pk"}, exceptions=NOT_THEIRS),
    "governance:partnership-notifications": page("secretariat"),
    # Signing in and out.
    "login": page("public"),
    "logout": page("public", "POST"),
    # One's own account: two-factor authentication, sessions, password; the audit log for staff.
    "two-factor-verify": page("public", exceptions={"anonymous": LOGIN}),
    "two-factor-setup": page("signed_in"),
    "two-factor-remove": page("signed_in"),
    "account-security": page("signed_in"),
    "account-sessions": page("signed_in"),
    "account-sessions-end-others": page("signed_in", "POST"),
    # One of the member's sessions (not the one asking): anyone else's is answered as none.
    "account-session-end": page(
        "signed_in",
        "POST",
        kwargs={"pk": "user_session_pk"},
        exceptions=NOT_THEIRS,
    ),
    "password_change": page("signed_in"),
    "password_change_done": page("signed_in"),
    "password_reset": page("public"),
    "password_reset_done": page("public"),
    "password_reset_confirm": page("public", kwargs={"token": "=set-password"}),
    "password_reset_complete": page("public"),
    "audit-log": page("site_admin", exceptions={"staff": OK}),
    # The API (token authentication).
    "api-root": api("api_signed_in"),
    # The schema describes the API's shape, not any partnership's records: drf-spectacular
    # serves it to anyone (SERVE_PERMISSIONS left at AllowAny), and API.md points callers to it.
    "api-schema": api("public"),
    "public-meetings": api("public"),
    "public-meetings-calendar": api("public"),
    "quarterly-report": api("api_partnership", kwargs={"pk": "partnership_pk"}),
    "partnership-list": api("api_signed_in"),
    "partnership-detail": api("api_partnership"),
    "nominating-body-list": api("api_signed_in"),
    "nominating-body-detail": api("api_partnership"),
    "member-list": api("api_signed_in"),
    "member-detail": api("api_partnership"),
    "office-list": api("api_signed_in"),
    "office-detail": api("api_partnership"),
    "action-plan-list": api("api_signed_in"),
    "action-plan-detail": api("api_partnership"),
    "action-plan-import-rows": api("api_secretariat", "POST"),
    "action-list": api("api_signed_in"),
    "action-detail": api("api_partnership"),
    "milestone-list": api("api_signed_in"),
    "milestone-detail": api("api_partnership"),
    "meeting-list": api("api_signed_in"),
    "meeting-detail": api("api_partnership"),
    "meeting-agree-agenda": api("api_chair", "POST"),
    "meeting-circulate-agenda": api("api_secretariat", "POST"),
    "meeting-pack": api("api_partnership", kwargs=PUBLISHED),
    "meeting-reorder": api("api_secretariat", "POST"),
    "agenda-item-list": api("api_signed_in"),
    "agenda-item-detail": api("api_partnership"),
    "agenda-item-accept": api("api_chair", "POST"),
    "attendance-list": api("api_signed_in"),
    "attendance-detail": api("api_partnership"),
    "declaration-list": api("api_signed_in"),
    "declaration-detail": api("api_partnership"),
    "declaration-agree-participation": api("api_secretariat_and_chair", "POST"),
    "decision-list": api("api_signed_in"),
    "decision-detail": api("api_partnership"),
    "decision-link-action": api("api_secretariat", "POST"),
    "decision-unlink-action": api("api_secretariat", "DELETE", kwargs={"action_id": "arising_pk"}),
    # Draft minutes: the secretariat and whoever chaired the meeting.
    "minutes-list": api("api_signed_in"),
    "minutes-detail": api("api_secretariat_and_chair"),
    "minutes-approve": api("api_chair", "POST"),
    "minutes-circulate": api("api_secretariat", "POST"),
    "minutes-confirm": api("api_secretariat", "POST"),
}


def admin_expected(path: str, role: str) -> str:
    """The admin is for staff: anyone else is sent to its sign-in page. A staff login with no
    model permission reaches the admin's index, and is refused each model's pages."""
    if role != "staff":
        return LOGIN
    return OK if path == "/admin/" else FORBIDDEN
