"""The standing registers of the Code of Conduct (seed 001). A person keeps their own register of
interests (one, whatever the partnerships they sit on), confirms once a year that it is up to
date, and records gifts and hospitality offered to them; the secretariat and the chair read the
registers of their partnership's members."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnership.views.buttons import run_button
from partnership.views.register_form_page import form_page, posted

from .. import selectors_registers as selectors
from .. import services_registers as services
from ..access import get_own_interest, get_partnership_for_registers
from ..forms_registers import EndInterestForm, GiftForm, InterestForm

MY_INTERESTS = "governance:my-interests"
MY_GIFTS = "governance:my-gifts"


def _person(request):
    return getattr(request.user, "person", None)


def _person_or_404(request):
    """Only someone on a partnership's register of people keeps registers here."""
    person = _person(request)
    if person is None:
        raise Http404("You are not on any partnership's register.")
    return person


def my_interests_page(request, *, error: str | None = None):
    person = _person(request)
    last = selectors.last_confirmation(person)
    today = timezone.localdate()
    interests = selectors.own_interests(person)
    context = {
        "person": person,
        "current_interests": [interest for interest in interests if interest.is_current],
        "ended_interests": [interest for interest in interests if not interest.is_current],
        "last_confirmation": last,
        "confirmation_due": selectors.is_confirmation_due(last, today),
        "error": error,
    }
    return render(request, "governance/registers/my_interests.html", context, status=400 if error else 200)


@login_required
@require_GET
def my_interests(request):
    return my_interests_page(request)


@login_required
@require_http_methods(["GET", "POST"])
def add_interest(request):
    person = _person_or_404(request)
    back = reverse(MY_INTERESTS)

    def save(form):
        services.register_interest(person=person, **form.cleaned_data, by=request.user, now=timezone.now())
        return back

    return form_page(
        request,
        partnership=None,
        form=InterestForm(posted(request)),
        title=_("Add an interest to your register"),
        save=save,
        done=_("The interest is on your register."),
        back_url=back,
        context={"intro": _("Register each interest the Code of Conduct asks you to declare, as soon as you have it.")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def end_interest(request, pk):
    interest = get_own_interest(request, pk)
    back = reverse(MY_INTERESTS)

    def save(form):
        services.end_interest(interest=interest, **form.cleaned_data, by=request.user, now=timezone.now())
        return back

    return form_page(
        request,
        partnership=None,
        form=EndInterestForm(posted(request)),
        title=_("Record that an interest has ended"),
        save=save,
        done=_("The interest is recorded as ended."),
        back_url=back,
        context={
            "intro": _("%(interest)s (since %(date)s)")
            % {"interest": interest.description, "date": date_format(interest.registered_on, "j F Y")}
        },
    )


@login_required
@require_POST
def confirm_interests(request):
    person = _person_or_404(request)
    return run_button(
        request,
        action=lambda: services.confirm_interests_up_to_date(person=person, by=request.user, now=timezone.now()),
        done=_("Thank you. You have confirmed your register of interests is complete and up to date."),
        back=MY_INTERESTS,
        page=lambda reason: my_interests_page(request, error=reason),
    )


@login_required
@require_GET
def my_gifts(request):
    person = _person(request)
    context = {
        "person": person,
        "gifts": list(selectors.own_gifts(person)),
        "can_record": person is not None and selectors.seats_of(person).exists(),
    }
    return render(request, "governance/registers/my_gifts.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def add_gift(request):
    person = _person_or_404(request)
    seats = list(selectors.seats_of(person))
    if not seats:
        raise Http404("You hold no seat on a partnership.")
    back = reverse(MY_GIFTS)

    def save(form):
        services.record_gift_or_hospitality(person=person, **form.cleaned_data, by=request.user, now=timezone.now())
        return back

    return form_page(
        request,
        partnership=None,
        form=GiftForm(posted(request), seats=seats),
        title=_("Record an offer of a gift or hospitality"),
        save=save,
        done=_("The offer is on the gifts and hospitality register."),
        back_url=back,
        context={
            "intro": _(
                "Record every gift or hospitality offered to you in connection with the work of a partnership, "
                "whether you accepted it or not."
            )
        },
    )


@login_required
@require_GET
def interests_register(request, slug):
    partnership = get_partnership_for_registers(request, slug)
    today = timezone.localdate()
    context = {
        "partnership": partnership,
        "members": selectors.interests_register(partnership),
        "due_before": selectors.confirmation_due_before(today),
    }
    return render(request, "governance/registers/interests_register.html", context)


@login_required
@require_GET
def gifts_register(request, slug):
    partnership = get_partnership_for_registers(request, slug)
    context = {"partnership": partnership, "gifts": selectors.gifts_register(partnership)}
    return render(request, "governance/registers/gifts_register.html", context)
