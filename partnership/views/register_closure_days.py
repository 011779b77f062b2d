"""The partnership's own closure days (Christmas Eve, say): not working days when its deadlines
are counted (partnership/calendar.py). One row a date, added and removed directly."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from ..access import get_partnership_for_secretariat
from ..errors import RuleBroken
from ..forms import DateField
from ..models import ClosureDay, Partnership
from ..services.common import check_date, long_date, rule_service


class ClosureDayForm(forms.Form):
    date = DateField(label="Date", required_message="Enter the date the offices are closed")
    name = forms.CharField(
        max_length=100,
        help_text="For example, Christmas Eve.",
        error_messages={"required": "Enter the name of the day, for example Christmas Eve"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout("date", Field.text("name", field_width=20), Button.primary("add", "Add the day"))


@rule_service
def add_closure_day(*, partnership: Partnership, date, name: str) -> ClosureDay:
    check_date(date, field="date")
    taken = ClosureDay.objects.filter(partnership=partnership, date=date).first()
    if taken is not None:
        raise RuleBroken(f"{long_date(date)} is already a closure day: {taken.name}.", field="date")
    return ClosureDay.objects.create(partnership=partnership, date=date, name=name.strip())


@login_required
@require_http_methods(["GET", "POST"])
def closure_days(request, slug):
    partnership = get_partnership_for_secretariat(request, slug)
    removing = request.method == "POST" and "remove" in request.POST
    if removing:
        day = get_object_or_404(
            ClosureDay, pk=request.POST["remove"] if request.POST["remove"].isdigit() else None, partnership=partnership
        )
        day.delete()
        messages.success(request, f"{day.name} ({long_date(day.date)}) removed: it is a working day again.")
        return redirect("partnership:closure-days", slug=partnership.slug)
    form = ClosureDayForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            day = add_closure_day(partnership=partnership, **form.cleaned_data)
        except RuleBroken as broken:
            form.add_error(broken.field if broken.field in form.fields else None, broken.message)
        else:
            messages.success(request, f"{day.name} ({long_date(day.date)}) added as a closure day.")
            return redirect("partnership:closure-days", slug=partnership.slug)
    context = {"partnership": partnership, "form": form, "days": partnership.closure_days.order_by("date")}
    return render(request, "partnership/closure_days.html", context, status=400 if form.errors else 200)
