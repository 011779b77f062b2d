"""What the meeting pages share: the register's form page, sent on to what was saved."""

from partnership.views.register_form_page import form_page

FORM_TEMPLATE = "meetings/form_page.html"


def meeting_form_page(request, *, partnership, form, title, save, done, back_url, context=None):
    """The register's form page (service decides, RuleBroken on the form, 400, nothing saved),
    sent on success to what `save` returns (a meeting, a paper) rather than to the register."""
    return form_page(
        request,
        partnership=partnership,
        go_to_saved=True,
        form=form,
        title=title,
        save=save,
        done=done,
        back_url=back_url,
        template=FORM_TEMPLATE,
        context=context,
    )
