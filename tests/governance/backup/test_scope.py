"""Which models a backup holds is found by walking the foreign keys to Partnership: a model
added later is backed up, or named as left out with a reason, or this fails."""

from django.apps import apps

from governance.backup.scope import LEFT_OUT, app_models, foreign_keys, is_backed_up, is_history, scope


def test_every_model_of_the_four_apps_is_backed_up_or_left_out_on_purpose():
    neither = [
        model._meta.label
        for model in app_models()
        if not is_backed_up(model)
        and model._meta.label not in LEFT_OUT
        and not (is_history(model) and model.instance_type._meta.label in LEFT_OUT)
    ]
    assert neither == [], "back these up (a foreign key to what is backed up) or add them to LEFT_OUT, saying why"


def test_what_is_left_out_is_a_real_model_and_not_backed_up():
    for label, reason in LEFT_OUT.items():
        assert reason
        model = apps.get_model(label)
        assert not is_backed_up(model)
    assert not is_backed_up(apps.get_model("partnership", "AuditEvent"))


def test_a_record_is_found_through_its_parents_by_required_keys():
    owned = {model._meta.label: lookup for model, lookup in scope().owned.items()}
    assert owned["partnership.Partnership"] == "pk"
    assert owned["meetings.Meeting"] == "partnership"
    assert owned["meetings.PaperFile"] == "paper__agenda_item__meeting__partnership"
    # An action's owner is optional; its plan is not, so every action is found through it.
    assert owned["actionplans.Action"] == "plan__partnership"
    assert owned["actionplans.Milestone"] == "action__plan__partnership"


def test_people_come_as_they_are_pointed_at_and_bring_what_is_theirs():
    people = {model._meta.label for model in scope().people}
    assert people == {"partnership.Person", "partnership.User"}
    followers = {model._meta.label: keys for model, keys in scope().followers.items()}
    assert followers["governance.RegisteredInterest"] == ("person",)
    assert followers["governance.InterestRegisterConfirmation"] == ("person",)
    assert followers["meetings.CalendarFeed"] == ("user",)
    # Credentials stay with the installation (LEFT_OUT): people set up two-factor again.
    assert "otp_totp.TOTPDevice" not in followers
    assert "authtoken.Token" not in followers


def test_every_backed_up_model_has_its_history_backed_up():
    history = {model.instance_type for model in scope().history}
    for model in [*scope().owned, *scope().people, *scope().followers]:
        if hasattr(model, "history"):
            assert model in history, model._meta.label
    assert {m._meta.label for m in scope().m2m_history} == {
        "meetings.HistoricalDecision_voters",
        "meetings.HistoricalDecision_actions",
    }


def test_records_are_in_the_order_they_load_each_after_what_it_points_at():
    records = scope().records
    for position, model in enumerate(records):
        for fk in foreign_keys(model):
            if fk.related_model in records and fk.related_model is not model:
                assert records.index(fk.related_model) < position, f"{model._meta.label}.{fk.name}"
