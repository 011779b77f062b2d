"""A resident's email subscription to a partnership's publications: asking for it, confirming
it by the emailed link, and leaving it. Mail scanners follow links, so a GET never changes
anything: confirming and unsubscribing are buttons (POST). A mail client's one-click unsubscribe
(RFC 8058) POSTs without a form token, so that one view is exempt from CSRF; its token is the
secret."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from partnership.access import public_partnership_or_404
from partnership.errors import RuleBroken

from .. import services_subscriptions as subscriptions
from ..forms_subscriptions import SubscribeForm

TEMPLATES = "governance/subscriptions"


@require_http_methods(["GET", "POST"])
def subscribe(request, slug):
    partnership = public_partnership_or_404(slug)
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            subscriptions.subscribe(partnership=partnership, email=form.cleaned_data["email"])
        except RuleBroken as error:
            form.add_error(error.field, error.message)
        else:
            # The same answer whether or not the address was already subscribed.
            return render(request, f"{TEMPLATES}/check_email.html", {"partnership": partnership})
    status = 400 if form.is_bound else 200
    return render(request, f"{TEMPLATES}/subscribe.html", {"partnership": partnership, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    subscription = subscriptions.awaiting_confirmation(token)
    if subscription is None:
        raise Http404("No such subscription")
    if request.method == "POST":
        subscriptions.confirm(subscription=subscription)
        return redirect("publications:confirm", token=token)
    return render(
        request,
        f"{TEMPLATES}/confirm.html",
        {"partnership": subscription.partnership, "subscription": subscription, "token": token},
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "POST":
        subscriptions.unsubscribe(token=token)
        return render(request, f"{TEMPLATES}/unsubscribed.html")
    subscription = subscriptions.subscription_for(token)
    if subscription is None:  # unknown, or already used: the same answer, and nothing changes
        return render(request, f"{TEMPLATES}/unsubscribed.html")
    return render(request, f"{TEMPLATES}/unsubscribe.html", {"partnership": subscription.partnership, "token": token})
