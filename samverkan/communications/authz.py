"""Authorization-matrix entries (see samverkan/organisations/matrix.py).

Written by the security helper when the matrix met this app: pages that list are opened
as every actor; pages of one object are opened with an id that does not exist (login
first, then "not found" for everybody). The app's owner should add real objects of both
tenants to show the cross-tenant and cross-district 404s here as well.

Drafting (press texts, situation summaries) needs ``edit_plans`` or
``approve_communication`` in the tenant (``permissions.can_draft``, the shared
``has_capability``: a superuser passes too). Communication plans are read by everyone
who sees the agreement and written by whoever may change it (``can_edit_agreement``):
the city's coordinator for the city-wide agreement, the parties' coordinators (and the
city's) for a local one.
"""

from samverkan.agreements.models import PartyRole
from samverkan.communications.models import CommunicationPlan
from samverkan.organisations.matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, Entry

MEMBERS = {"anonymous": LOGIN, "*": OK}
MISSING = {"anonymous": LOGIN, "*": NOT_FOUND}
DRAFTERS = {"anonymous": LOGIN, "coordinator": OK, "superuser": OK, "*": NOT_FOUND}
NONE = lambda w: {"pk": 0}  # noqa: E731


def city_plan(w) -> dict:
    plan, _ = CommunicationPlan.objects.get_or_create(
        agreement=w.city_agreement,
        defaults={
            "purpose": "Berätta vad vi gör",
            "main_message": "Tryggare tillsammans",
            "target_groups": "Boende",
            "channels": "Webben",
        },
    )
    return {"pk": plan.pk}


URLS = {
    "communications-list": Entry(expect=MEMBERS),
    "communications-new": Entry(expect=DRAFTERS),
    "communications-summary-new": Entry(expect=DRAFTERS),
    "communications-detail": Entry(kwargs=NONE, expect=MISSING),
    "communications-revise": Entry(method="post", kwargs=NONE, expect=MISSING),
    "communications-approve": Entry(method="post", kwargs=NONE, expect=MISSING),
    "communications-publish": Entry(method="post", kwargs=NONE, expect=MISSING),
    "communications-comment": Entry(method="post", kwargs=NONE, expect=MISSING),
    "communications-plans": Entry(expect=MEMBERS),
    "communications-plan-detail": Entry(
        kwargs=city_plan, expect={"anonymous": LOGIN, "grannby": NOT_FOUND, "*": OK}
    ),
    # The city-wide agreement: only the city's coordinator (and the operator) write it.
    "communications-plan-edit": Entry(
        kwargs=city_plan,
        expect={
            "anonymous": LOGIN,
            "grannby": NOT_FOUND,
            "anna": OK,
            "superuser": OK,
            "*": FORBIDDEN,
        },
    ),
    # A local agreement of the city and the police region (a new one, so that no other
    # page's rights change): the city's coordinator Anna writes it, nobody else.
    "communications-plan-new": Entry(
        kwargs=lambda w: {
            "agreement_pk": w.make_local_agreement(
                "Lokal överenskommelse Norrmalm",
                parties=[(w.city, PartyRole.MUNICIPAL), (w.police_region, PartyRole.POLICE)],
            ).pk
        },
        expect={
            "anonymous": LOGIN,
            "grannby": NOT_FOUND,
            "anna": OK,
            "superuser": OK,
            "*": FORBIDDEN,
        },
    ),
}
