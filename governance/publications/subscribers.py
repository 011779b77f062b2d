"""Residents who subscribed are told what is new: the receiver of `publications_added`, which
is sent once the transaction that published it commits. Connected by importing this module in
GovernanceConfig.ready()."""

from django.dispatch import receiver

from ..services_subscriptions import tell_subscribers
from .signals import publications_added


@receiver(publications_added, dispatch_uid="governance.tell_subscribers_of_new_publications")
def tell_subscribers_of_new_publications(sender, *, partnership_id, publications, **kwargs):
    tell_subscribers(partnership_id=partnership_id, publications=publications)
