"""The "Link owners" page of a plan (secretariat only): each owner as written with its actions
counted and the match suggested; saving links every action with those words; a refusal shows
the reason and saves nothing; a fixed number of queries however many owners and members."""

import pytest
from django.urls import reverse

from actionplans.models import Action
from tests.actionplans.factories import ActionFactory, ActionPlanFactory
from tests.factories import MemberFactory, NominatingBodyFactory, PersonFactory
from tests.helpers import signed_in


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Partnership plan")


@pytest.fixture
def mo(member):
    return member.person.seats.get()


def owners_url(plan):
    return reverse("actionplans:owners", kwargs={"slug": plan.partnership.slug, "pk": plan.pk})


def links(plan):
    return sorted((a.owner, a.owner_member_id, a.owner_body_id) for a in Action.objects.filter(plan=plan))


def test_each_owner_is_listed_with_its_actions_and_the_suggested_match(client, secretariat, plan, mo, police):
    for _ in range(2):
        ActionFactory(plan=plan, owner="Mo Member")
    ActionFactory(plan=plan, owner="The Police Service")
    ActionFactory(plan=plan, owner="CSP Manager")
    ActionFactory(plan=plan, owner="")  # no owner written: nothing to link
    signed_in(client, secretariat)
    response = client.get(owners_url(plan))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mo Member (2 actions)" in page
    assert "The Police Service (1 action)" in page
    assert "CSP Manager (1 action)" in page
    assert "Suggested: Mo Member, the member with this name." in page
    assert "Suggested: The Police Service, the nominating body with this name." in page
    assert "No current member or nominating body of the partnership has this name." in page
    assert f'<option value="{mo.pk}" selected>Mo Member, The Police Service</option>' in page
    assert f'<option value="{police.pk}" selected>The Police Service</option>' in page
    assert page.count('<form method="post"') == 3 + 1  # one per owner, and signing out
    assert '<span class="govuk-visually-hidden"> who is responsible for the actions of CSP Manager</span>' in page


def test_saving_links_every_action_with_those_words(client, secretariat, plan, mo, police):
    for _ in range(3):
        ActionFactory(plan=plan, owner="CSP Manager")
    signed_in(client, secretariat)
    response = client.post(owners_url(plan), {"owner": "CSP Manager", "member": mo.pk, "body": police.pk})
    assert response.status_code == 302
    assert response.url == owners_url(plan)
    assert links(plan) == [("CSP Manager", mo.pk, police.pk)] * 3
    page = client.get(response.url).content.decode()
    assert "3 actions owned by “CSP Manager” linked to Mo Member and The Police Service." in page
    assert "Linked to Mo Member and The Police Service." in page
    assert Action.history.filter(history_type="~", history_user=secretariat).count() == 3


def test_saving_nothing_chosen_unlinks(client, secretariat, plan, mo):
    ActionFactory(plan=plan, owner="Mo", owner_member=mo)
    signed_in(client, secretariat)
    response = client.post(owners_url(plan), {"owner": "Mo", "member": "", "body": ""})
    assert response.status_code == 302
    assert links(plan) == [("Mo", None, None)]


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"owner": "CSP Manager", "member": "foreign_member"}, "Choose one of the partnership&#x27;s current members"),
        ({"owner": "CSP Manager", "body": "foreign_body"}, "Choose one of the partnership&#x27;s nominating bodies"),
        ({"owner": "CSP Manager", "member": "former"}, "Choose one of the partnership&#x27;s current members"),
        ({"owner": "Nobody", "member": "mo"}, "No action of the plan has “Nobody” as who is responsible."),
        ({"member": "mo"}, "Say whose actions to link: reload the page and try again."),
    ],
)
def test_a_refusal_is_shown_and_saves_nothing(client, secretariat, plan, mo, other_partnership, posted, message):
    ActionFactory(plan=plan, owner="CSP Manager")
    foreign_body = NominatingBodyFactory(partnership=other_partnership, name="Rugby Borough Council")
    foreign_member = MemberFactory(nominating_body=foreign_body)
    former = MemberFactory(nominating_body=mo.nominating_body, person=PersonFactory(name="Fay Former"), active=False)
    values = {"mo": mo, "former": former, "foreign_member": foreign_member, "foreign_body": foreign_body}
    data = {name: values[value].pk if value in values else value for name, value in posted.items()}
    signed_in(client, secretariat)
    response = client.post(owners_url(plan), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert links(plan) == [("CSP Manager", None, None)]


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403)])
def test_only_the_secretariat_links_owners(client, request, plan, mo, who, status):
    ActionFactory(plan=plan, owner="CSP Manager")
    signed_in(client, request.getfixturevalue(who))
    assert client.get(owners_url(plan)).status_code == status
    assert client.post(owners_url(plan), {"owner": "CSP Manager", "member": mo.pk}).status_code == status
    assert links(plan) == [("CSP Manager", None, None)]


def test_a_visitor_is_asked_to_sign_in(client, plan):
    response = client.get(owners_url(plan))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_the_plan_page_links_to_it_for_the_secretariat_only(client, secretariat, member, plan):
    plan_url = reverse("actionplans:plan", kwargs={"slug": plan.partnership.slug, "pk": plan.pk})
    assert owners_url(plan) in signed_in(client, secretariat).get(plan_url).content.decode()
    assert owners_url(plan) not in signed_in(client, member).get(plan_url).content.decode()


@pytest.mark.parametrize("volume", [5, 60])
def test_the_page_is_a_fixed_number_of_queries(
    client, secretariat, plan, warwickshire, volume, django_assert_max_num_queries
):
    bodies = [NominatingBodyFactory(partnership=warwickshire, name=f"Body {n}", seats=50) for n in range(volume // 5)]
    for n in range(volume):
        MemberFactory(nominating_body=bodies[n % len(bodies)], person=PersonFactory(name=f"Member {n}"))
    for n in range(volume):
        ActionFactory(plan=plan, owner=f"Member {n}")
        ActionFactory(plan=plan, owner=f"Member {n}")
    signed_in(client, secretariat)
    with django_assert_max_num_queries(11):
        response = client.get(owners_url(plan))
    assert response.status_code == 200
    assert response.content.decode().count("Suggested: Member ") == volume
