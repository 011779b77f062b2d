"""The secretariat's "Publish the summary" and "Withdraw the public summary" buttons on a plan's
page: who may press them, what they say, and what a refusal leaves unchanged."""

import pytest
from django.urls import reverse

from actionplans.models import ActionPlan
from tests.actionplans.factories import ActionPlanFactory
from tests.helpers import signed_in


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Partnership plan 2026-27")


def url(name, plan, slug="warwickshire-scp"):
    return reverse(f"actionplans:{name}", kwargs={"slug": slug, "pk": plan.pk})


def published(plan) -> bool:
    return ActionPlan.objects.get(pk=plan.pk).is_published


def test_the_plan_page_offers_the_secretariat_to_publish(client, secretariat, plan):
    signed_in(client, secretariat)
    page = client.get(url("plan", plan)).content.decode()
    assert "Not published" in page
    assert "Publish the summary" in page
    assert url("plan-publish", plan) in page


def test_a_member_sees_whether_it_is_published_but_no_button(client, member, secretariat, plan):
    signed_in(client, member)
    page = client.get(url("plan", plan)).content.decode()
    assert "Not published" in page
    assert "Publish the summary" not in page


def test_the_secretariat_publishes_from_the_plan_page(client, secretariat, plan):
    signed_in(client, secretariat)
    response = client.post(url("plan-publish", plan), follow=True)
    assert response.redirect_chain[-1][0] == url("plan", plan) + "#publication"
    page = response.content.decode()
    assert "The summary of “Partnership plan 2026-27” is published: anyone can now read it on the public site." in page
    assert "Withdraw the public summary" in page
    assert reverse("public_plans:plan", kwargs={"slug": "warwickshire-scp", "pk": plan.pk}) in page
    assert published(plan)


def test_the_secretariat_withdraws_from_the_plan_page(client, secretariat, plan):
    signed_in(client, secretariat)
    client.post(url("plan-publish", plan))
    response = client.post(url("plan-withdraw", plan), follow=True)
    assert "The summary of “Partnership plan 2026-27” is withdrawn: it is no longer on the public site." in (
        response.content.decode()
    )
    assert not published(plan)
    public = reverse("public_plans:plan", kwargs={"slug": "warwickshire-scp", "pk": plan.pk})
    assert client.get(public).status_code == 404


def test_publishing_twice_is_refused_with_the_reason(client, secretariat, plan):
    signed_in(client, secretariat)
    client.post(url("plan-publish", plan))
    history = plan.history.count()
    response = client.post(url("plan-publish", plan))
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "is already published: it went on the public site on 25 November 2026." in page
    assert 'href="#publication"' in page
    assert plan.history.count() == history


def test_withdrawing_a_plan_not_published_is_refused(client, secretariat, plan):
    signed_in(client, secretariat)
    response = client.post(url("plan-withdraw", plan))
    assert response.status_code == 400
    assert "is not published, so there is nothing to withdraw." in response.content.decode()
    assert plan.history.count() == 1


@pytest.mark.parametrize(("who", "status"), [("member", 403), ("chair", 403), ("outsider", 404)])
@pytest.mark.parametrize("button", ["plan-publish", "plan-withdraw"])
def test_only_the_partnerships_secretariat_may_press_the_buttons(client, request, plan, who, status, button):
    if button == "plan-withdraw":
        ActionPlan.objects.filter(pk=plan.pk).update(is_published=True)
    signed_in(client, request.getfixturevalue(who))
    response = client.post(url(button, plan))
    assert response.status_code == status
    assert published(plan) is (button == "plan-withdraw")
    assert plan.history.count() == 1


def test_another_partnerships_plan_is_not_found_under_this_one(client, outsider, other_partnership, secretariat):
    theirs = ActionPlanFactory(partnership=other_partnership)
    signed_in(client, secretariat)
    assert client.post(url("plan-publish", theirs)).status_code == 404
    assert not published(theirs)


def test_anonymous_visitor_is_sent_to_sign_in(client, plan):
    response = client.post(url("plan-publish", plan))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not published(plan)


def test_the_buttons_only_take_a_post(client, secretariat, plan):
    signed_in(client, secretariat)
    assert client.get(url("plan-publish", plan)).status_code == 405
    assert not published(plan)
