"""Authorization-matrix entries of pledges (see samverkan/organisations/matrix.py).

Object pages are opened on a pledge (and its promise) of each tenant in the matrix world
(organisations/tests/matrix_world.py). Pledges are visible by tenant and district (drafts
included, models.PledgeQuerySet, ADR 0095): Stockholm's pledge covers Rinkeby-Kista, so
Södermalm's district-limited members (Sara, Sven, Stina) are told "not found" on it like
the other tenant; a pledge without districts would be read by every member.
Changing one needs ``can_draft`` in the pledge's tenant (coordinators; the platform
operator holds no membership, so not them either); others get "not found". A change
answers with a redirect; a refused form shows its page again with 400 (so the entries
post valid data: the writes are rolled back).
"""

from samverkan.organisations.matrix import (
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    Case,
    Entry,
    members_of,
    only,
)

MEMBERS = {"anonymous": LOGIN, "*": OK}
# Drafting needs edit_plans (coordinators) in the user's tenant; others are told "not found".
# (a superuser passes the shared has_capability too)
DRAFTERS = {"anonymous": LOGIN, "coordinator": OK, "superuser": OK, "*": NOT_FOUND}


def _kwargs(thing: str):
    return (
        lambda w: {"pk": getattr(w.of_stockholm, thing).pk},
        lambda w: {"pk": getattr(w.of_grannby, thing).pk},
    )


def draft(thing: str = "pledge", data: dict | None = None) -> Entry:
    stockholm, grannby = _kwargs(thing)
    return Entry(
        method="post",
        data=data or {},
        kwargs=stockholm,
        expect=only("stockholm", REDIRECT, "coordinator", "superuser", sara=NOT_FOUND),
        also=[Case(kwargs=grannby, expect=only("grannby", REDIRECT, "karin", "superuser"))],
    )


URLS = {
    "pledges-list": Entry(expect=MEMBERS),
    "pledges-new": Entry(expect=DRAFTERS),
    "pledges-detail": Entry(
        kwargs=_kwargs("pledge")[0],
        expect=members_of("stockholm", sodermalm=NOT_FOUND),
        also=[Case(kwargs=_kwargs("pledge")[1], expect=members_of("grannby"))],
    ),
    "pledges-promise-add": draft(data={"party": "police", "text": "Fotpatrullera torget"}),
    "pledges-promise-detail": Entry(
        kwargs=_kwargs("promise")[0],
        expect=members_of("stockholm", sodermalm=NOT_FOUND),
        also=[Case(kwargs=_kwargs("promise")[1], expect=members_of("grannby"))],
    ),
    "pledges-promise-activities": draft("promise"),
    "pledges-follow-up-add": draft(
        "promise", data={"reported_on": "2026-03-31", "outcome_count": 4}
    ),
    "pledges-dialogue-add": draft(
        data={"held_on": "2026-03-01", "method": "walk", "participants": 12, "outcome": "Ljus"}
    ),
    "pledges-next": draft(
        data={"title": "Nästa period", "valid_from": "2027-01-01", "valid_to": "2027-12-31"}
    ),
    # Starts the joint communication both parties approve (a real write, rolled back).
    "pledges-publish": draft(),
}
