"""Creating and changing action plans and putting their sections in order."""

import datetime

import pytest

from actionplans import services
from actionplans.models import ActionPlan, Section
from partnership.errors import RuleBroken


@pytest.fixture
def plan(warwickshire):
    return services.create_plan(
        partnership=warwickshire,
        title="Ethical framework action plan",
        starts_on=datetime.date(2026, 4, 1),
        ends_on=datetime.date(2027, 3, 31),
    )


def section_titles(plan):
    return list(plan.sections.order_by("position").values_list("title", flat=True))


def test_a_plan_is_created_for_its_partnership(warwickshire, plan):
    assert plan.partnership == warwickshire
    assert plan.title == "Ethical framework action plan"
    assert plan.history.count() == 1


def test_a_plan_needs_a_title(warwickshire):
    with pytest.raises(RuleBroken, match="Give the plan a title") as refusal:
        services.create_plan(partnership=warwickshire, title="   ")
    assert refusal.value.field == "title"
    assert not ActionPlan.objects.exists()


def test_a_title_is_the_plans_own_within_the_partnership(warwickshire, plan):
    with pytest.raises(RuleBroken, match="already has an action plan called") as refusal:
        services.create_plan(partnership=warwickshire, title="ETHICAL framework action plan")
    assert refusal.value.field == "title"
    assert ActionPlan.objects.count() == 1


def test_another_partnership_may_use_the_same_title(plan, other_partnership):
    other = services.create_plan(partnership=other_partnership, title="Ethical framework action plan")
    assert other.partnership == other_partnership


def test_a_plan_ends_after_it_starts(warwickshire):
    with pytest.raises(RuleBroken, match="must end on or after the day it starts") as refusal:
        services.create_plan(
            partnership=warwickshire,
            title="Test Valley action plan",
            starts_on=datetime.date(2007, 4, 1),
            ends_on=datetime.date(2007, 3, 31),
        )
    assert refusal.value.field == "ends_on"
    assert not ActionPlan.objects.exists()


def test_a_plan_may_start_and_end_on_the_same_day(warwickshire):
    day = datetime.date(2027, 1, 5)
    assert services.create_plan(partnership=warwickshire, title="One day", starts_on=day, ends_on=day).pk


def test_plan_dates_are_within_reason(warwickshire):
    with pytest.raises(RuleBroken, match="between 1900 and 2100") as refusal:
        services.create_plan(partnership=warwickshire, title="Typo", starts_on=datetime.date(9999, 1, 1))
    assert refusal.value.field == "starts_on"
    assert not ActionPlan.objects.exists()


def test_a_plan_is_renamed(plan):
    services.update_plan(plan=plan, title="Ethical framework plan 2026-27", description="From the self-assessment")
    plan.refresh_from_db()
    assert plan.title == "Ethical framework plan 2026-27"
    assert plan.description == "From the self-assessment"


def test_a_plan_keeps_its_own_title_when_updated(plan):
    services.update_plan(plan=plan, title="Ethical framework action plan", description="Same title")
    plan.refresh_from_db()
    assert plan.description == "Same title"


def test_a_renamed_plan_cannot_take_another_plans_title(warwickshire, plan):
    other = services.create_plan(partnership=warwickshire, title="Test Valley action plan")
    with pytest.raises(RuleBroken, match="already has an action plan called"):
        services.update_plan(plan=other, title="Ethical framework action plan")
    other.refresh_from_db()
    assert other.title == "Test Valley action plan"


def test_an_update_keeps_the_dates_in_order(plan):
    with pytest.raises(RuleBroken, match="must end on or after") as refusal:
        services.update_plan(plan=plan, ends_on=datetime.date(2026, 3, 31))
    assert refusal.value.field == "ends_on"
    plan.refresh_from_db()
    assert plan.ends_on == datetime.date(2027, 3, 31)


def test_an_update_needs_a_title(plan):
    with pytest.raises(RuleBroken, match="Give the plan a title"):
        services.update_plan(plan=plan, title="")
    plan.refresh_from_db()
    assert plan.title == "Ethical framework action plan"


def test_an_unknown_plan_field_is_a_programming_error(plan):
    with pytest.raises(TypeError, match="unknown plan fields"):
        services.update_plan(plan=plan, partnership=None)


def test_sections_are_added_at_the_end(plan):
    services.add_section(plan=plan, code="B", title="Relationships")
    services.add_section(plan=plan, code=" C ", title="COMMUNICATION")
    assert section_titles(plan) == ["Relationships", "COMMUNICATION"]
    assert list(plan.sections.order_by("position").values_list("position", "code")) == [(1, "B"), (2, "C")]


def test_a_section_is_added_at_a_position(plan):
    services.add_section(plan=plan, code="B", title="Relationships")
    services.add_section(plan=plan, code="D", title="Accountability")
    services.add_section(plan=plan, code="C", title="COMMUNICATION", position=2)
    assert section_titles(plan) == ["Relationships", "COMMUNICATION", "Accountability"]
    assert list(plan.sections.order_by("position").values_list("position", flat=True)) == [1, 2, 3]


def test_a_section_needs_a_title(plan):
    with pytest.raises(RuleBroken, match="Give the section a title") as refusal:
        services.add_section(plan=plan, code="B", title=" ")
    assert refusal.value.field == "title"
    assert not Section.objects.exists()


def test_a_section_position_is_within_the_plan(plan):
    services.add_section(plan=plan, title="Lead and Guide")
    for position in (0, 3):
        with pytest.raises(RuleBroken, match="Give a position from 1 to 2") as refusal:
            services.add_section(plan=plan, title="Leading and Guiding", position=position)
        assert refusal.value.field == "position"
    assert section_titles(plan) == ["Lead and Guide"]


def test_a_section_is_renamed(plan):
    section = services.add_section(plan=plan, code="C", title="CO MMUNICATION")
    services.update_section(section=section, title="Communication", code="C ")
    section.refresh_from_db()
    assert (section.code, section.title) == ("C", "Communication")


def test_a_renamed_section_keeps_a_title(plan):
    section = services.add_section(plan=plan, code="C", title="Communication")
    with pytest.raises(RuleBroken, match="Give the section a title"):
        services.update_section(section=section, title="")
    section.refresh_from_db()
    assert section.title == "Communication"


def test_an_unknown_section_field_is_a_programming_error(plan):
    section = services.add_section(plan=plan, title="Communication")
    with pytest.raises(TypeError, match="unknown section fields"):
        services.update_section(section=section, plan=None)


@pytest.fixture
def three_sections(plan):
    return [
        services.add_section(plan=plan, code=code, title=title)
        for code, title in [("B", "Relationships"), ("C", "Communication"), ("D", "Accountability")]
    ]


def test_a_section_is_moved_and_the_others_close_up(plan, three_sections):
    services.move_section(section=three_sections[2], position=1)
    assert section_titles(plan) == ["Accountability", "Relationships", "Communication"]
    services.move_section(section=three_sections[2], position=3)
    assert section_titles(plan) == ["Relationships", "Communication", "Accountability"]


def test_a_section_moves_only_within_the_plan(plan, three_sections):
    with pytest.raises(RuleBroken, match="Give a position from 1 to 3"):
        services.move_section(section=three_sections[0], position=4)
    assert section_titles(plan) == ["Relationships", "Communication", "Accountability"]


def test_sections_are_reordered_all_at_once(plan, three_sections):
    b, c, d = three_sections
    services.reorder_sections(plan=plan, order=[c.pk, d.pk, b.pk])
    assert section_titles(plan) == ["Communication", "Accountability", "Relationships"]


@pytest.mark.parametrize("which", ["missing", "repeated", "foreign"])
def test_a_reorder_lists_each_section_once(plan, three_sections, other_partnership, which):
    b, c, d = three_sections
    foreign = services.add_section(
        plan=services.create_plan(partnership=other_partnership, title="Rugby plan"), title="Elsewhere"
    )
    order = {"missing": [c.pk, b.pk], "repeated": [c.pk, b.pk, b.pk, d.pk], "foreign": [c.pk, b.pk, foreign.pk]}
    with pytest.raises(RuleBroken, match="each of the plan's sections exactly once") as refusal:
        services.reorder_sections(plan=plan, order=order[which])
    assert refusal.value.field == "order"
    assert section_titles(plan) == ["Relationships", "Communication", "Accountability"]
