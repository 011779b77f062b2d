"""The partnership's own closure days (Christmas Eve, say): not working days when its deadlines
are counted (partnership/calendar.py). One row a date, added and removed directly."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from ..access import get_partnership_for_secretariat
from ..errors import RuleBroken
from ..forms import DateField
from ..models import ClosureDay, Partnership
from ..services.common import check_date, long_date, rule_service


class ClosureDayForm(forms.Form):
    date = DateField(label=gettext_lazy("Date"), required_message=gettext_lazy("Enter the date the offices are closed"))
    name = forms.CharField(
        max_length=100,
        label=gettext_lazy("Name"),
        help_text=gettext_lazy("For example, Christmas Eve."),
        error_messages={"required": gettext_lazy("Enter the name of the day, for example Christmas Eve")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout("date", Field.text("name", field_width=20), Button.primary("add", _("Add the day")))


@rule_service
def add_closure_day(*, partnership: Partnership, date, name: str) -> ClosureDay:
    check_date(date, field="date")
    taken = ClosureDay.objects.filter(partnership=partnership, date=date).first()
    if taken is not None:
        raise RuleBroken(
            _("%(date)s is already a closure day: %(name)s.") % {"date": long_date(date), "name": taken.name},
            field="date",
        )
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
        messages.success(
            request,
            _("%(name)s (%(date)s) removed: it is a working day again.")
            % {"name": day.name, "date": long_date(day.date)},
        )
        return redirect("partnership:closure-days", slug=partnership.slug)
    form = ClosureDayForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            day = add_closure_day(partnership=partnership, **form.cleaned_data)
        except RuleBroken as broken:
            form.add_error(broken.field if broken.field in form.fields else None, broken.message)
        else:
            messages.success(
                request,
                _("%(name)s (%(date)s) added as a closure day.") % {"name": day.name, "date": long_date(day.date)},
            )
            return redirect("partnership:closure-days", slug=partnership.slug)
    context = {"partnership": partnership, "form": form, "days": partnership.closure_days.order_by("date")}
    return render(request, "partnership/closure_days.html", context, status=400 if form.errors else 200)
