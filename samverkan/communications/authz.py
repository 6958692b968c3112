"""Authorization-matrix entries of communications (see samverkan/organisations/matrix.py).

Object pages are opened on a joint communication of each tenant in the matrix world
(organisations/tests/matrix_world.py). Drafts and publications follow their subject
(models.CommunicationQuerySet, ADR 0095): Stockholm's communication is about Järva's
pledge (Rinkeby-Kista), so Södermalm's district-limited members (Sara, Sven, Stina) are
told "not found" like the other tenant; a press text about no agreement or pledge
(``press_text``) is read by every member. Every member who sees it reaches the
actions; the services decide (a revision or publication by someone without a drafting
capability in one of the parties or an organisation above one — ``can_revise``, ADR
0097 —, an approval by someone without ``approve_communication`` in that party, a
publication before both parties approved are refused with a message) and every action
answers with a redirect to the communication. Which member may do what is tested in
tests/test_two_party_rule.py and tests/test_party_ownership.py.

Drafting (press texts, situation summaries) needs ``edit_plans`` or
``approve_communication`` in the tenant (``permissions.can_draft``, the shared
``has_capability``: a superuser passes too). Communication plans are read by everyone
who sees the agreement and written by whoever may change it (``can_edit_agreement``):
the city's coordinator for the city-wide agreement, the parties' coordinators (and the
city's) for a local one.
"""

from samverkan.agreements.models import PartyRole
from samverkan.communications.models import CommunicationPlan
from samverkan.organisations.matrix import (
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    Case,
    Entry,
    members_of,
)

MEMBERS = {"anonymous": LOGIN, "*": OK}
DRAFTERS = {"anonymous": LOGIN, "coordinator": OK, "superuser": OK, "*": NOT_FOUND}


def _pk(tenant: str):
    return lambda w: {"pk": getattr(w, f"of_{tenant}").communication.pk}


def _approval(tenant: str):
    """Approve version 1 for the municipal party (nobody in the cast may: refused, 302)."""

    def data(w) -> dict:
        communication = getattr(w, f"of_{tenant}").communication
        party = communication.parties.order_by("name").first()
        return {"number": 1, "organisation": party.pk}

    return data


def act(data=None) -> Entry:
    return Entry(
        method="post",
        data=data or {},
        kwargs=_pk("stockholm"),
        expect=members_of("stockholm", REDIRECT, sodermalm=NOT_FOUND),
        also=[Case(kwargs=_pk("grannby"), expect=members_of("grannby", REDIRECT))],
    )


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


def jarva_plan(w) -> dict:
    plan, _ = CommunicationPlan.objects.get_or_create(
        agreement=w.of_stockholm.agreement,
        defaults={
            "purpose": "Berätta om Järvas arbete",
            "main_message": "Tryggare Järva",
            "target_groups": "Boende i Rinkeby-Kista",
            "channels": "Webben",
        },
    )
    return {"pk": plan.pk}


URLS = {
    "communications-list": Entry(expect=MEMBERS),
    "communications-new": Entry(expect=DRAFTERS),
    "communications-summary-new": Entry(expect=DRAFTERS),
    "communications-detail": Entry(
        kwargs=_pk("stockholm"),
        expect=members_of("stockholm", sodermalm=NOT_FOUND),
        also=[
            Case(kwargs=_pk("grannby"), expect=members_of("grannby")),
            Case(
                kwargs=lambda w: {"pk": w.of_stockholm.press_text.pk},
                expect=members_of("stockholm"),
            ),
        ],
    ),
    "communications-revise": act({"title": "Ny rubrik", "body": "Ny text", "based_on": 1}),
    "communications-approve": Entry(
        method="post",
        data=_approval("stockholm"),
        kwargs=_pk("stockholm"),
        expect=members_of("stockholm", REDIRECT, sodermalm=NOT_FOUND),
        also=[
            Case(
                kwargs=_pk("grannby"),
                data=_approval("grannby"),
                expect=members_of("grannby", REDIRECT),
            )
        ],
    ),
    "communications-publish": act(),
    "communications-comment": act({"text": "Bra text."}),
    "communications-plans": Entry(expect=MEMBERS),
    "communications-plan-detail": Entry(
        kwargs=city_plan,
        expect={"anonymous": LOGIN, "grannby": NOT_FOUND, "*": OK},
        # The plan of Järva's local agreement follows the agreement: not Södermalm's.
        also=[Case(kwargs=jarva_plan, expect=members_of("stockholm", sodermalm=NOT_FOUND))],
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
