"""Residents who subscribed are told what is new: the receiver of `publications_added`, which
is sent once the transaction that published it commits. It only enqueues the task that tells
them (governance.tasks), so a failure there cannot lose the news once the rows are committed:
the worker tries again, and the batch key keeps a second run from telling anyone twice.
Connected by importing this module in GovernanceConfig.ready()."""

from django.dispatch import receiver

from ..tasks import tell_subscribers_of_publications
from .receivers import enqueue
from .signals import publications_added


@receiver(publications_added, dispatch_uid="governance.tell_subscribers_of_new_publications")
def tell_subscribers_of_new_publications(sender, *, partnership_id, publications, **kwargs):
    enqueue(tell_subscribers_of_publications, partnership_id, [publication.pk for publication in publications])
