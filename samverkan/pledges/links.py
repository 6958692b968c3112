"""The promises an action-plan activity carries out, for the activity's page (plans.links)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import CitizenPledge, Promise


def promises_of_activity(*, activity, user) -> dict | None:
    """{"title", "items": [{"label", "url"}]}: the visible promises linked to ``activity``.

    Through ``CitizenPledge.objects.visible_to(user)``: a promise of a pledge the user may
    not see is left out (and so is its existence). None when there is none.
    """
    promises = (
        Promise.objects.filter(
            activities=activity, pledge__in=CitizenPledge.objects.visible_to(user)
        )
        .select_related("pledge")
        .order_by("pledge__valid_from", "pledge__title", "order")
    )
    items = [
        {
            "label": f"{p.pledge.title}: {p.get_party_display()} – {p.text}",
            "url": reverse("pledges-promise-detail", kwargs={"pk": p.pk}),
        }
        for p in promises
    ]
    if not items:
        return None
    return {"title": _("Citizen pledge promises this activity carries out"), "items": items}
