"""Authorization-matrix entries of governance (see samverkan/organisations/matrix.py).

Object pages are opened on the objects of both tenants in the matrix world
(organisations/tests/matrix_world.py). Governance is visible by tenant and, where a group
belongs to a local agreement, by district (ADR 0095): Stockholm's group is Järva's local
steering group, so Södermalm's district-limited members (Sara, Sven, Stina) are told "not
found" on it, its meeting and its decision; the city-wide preparatory group and its
meeting (``city_group``, ``city_meeting``) are read by every member. Referral rounds with
no local draft agreement, and their statements, are read by every member of the tenant;
the other tenant is told "not found". Meetings and decisions
are kept by coordinators (``edit_plans``); a decision is marked done by them or by any
member of the responsible organisation; a statement is written by a member with
``edit_agreements`` of the organisation asked. Writes answer with a redirect to the page.
"""

from samverkan.organisations.matrix import (
    DISTRICT_LIMITED_ELSEWHERE,
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


def _pk(thing: str, **extra):
    return (
        lambda w: {"pk": getattr(w.of_stockholm, thing).pk, **extra},
        lambda w: {"pk": getattr(w.of_grannby, thing).pk, **extra},
    )


def read(thing: str, city_wide: str | None = None) -> Entry:
    """A page of one ``thing``: tenant-wide, or (with ``city_wide``, the name of its
    city-wide counterpart) Järva's, which Södermalm's members are told "not found" on."""
    stockholm, grannby = _pk(thing)
    if city_wide is None:
        return Entry(
            kwargs=stockholm,
            expect=members_of("stockholm"),
            also=[Case(kwargs=grannby, expect=members_of("grannby"))],
        )
    return Entry(
        kwargs=stockholm,
        expect=members_of("stockholm", sodermalm=NOT_FOUND),
        also=[
            Case(kwargs=grannby, expect=members_of("grannby")),
            Case(kwargs=_pk(city_wide)[0], expect=members_of("stockholm")),
        ],
    )


def manage(thing: str, data: dict | None = None) -> Entry:
    """A POST on ``thing`` that coordinators of its tenant (and the operator) make."""
    stockholm, grannby = _pk(thing)
    return Entry(
        method="post",
        data=data or {},
        kwargs=stockholm,
        expect=only("stockholm", REDIRECT, "coordinator", "superuser", sara=NOT_FOUND),
        also=[Case(kwargs=grannby, expect=only("grannby", REDIRECT, "karin", "superuser"))],
    )


URLS = {
    "governance-groups": Entry(expect=MEMBERS),
    "governance-decisions": Entry(expect=MEMBERS),
    "governance-calendar": Entry(expect=MEMBERS),
    "governance-referrals": Entry(expect=MEMBERS),
    "governance-group": read("group", city_wide="city_group"),
    "governance-meeting": read("meeting", city_wide="city_meeting"),
    "governance-referral": read("referral"),
    "governance-statement": read("statement"),
    # The unanswered recipient: Södermalm's administration (Sara) / Grannby kommun (Karin).
    "governance-statement-add": Entry(
        kwargs=lambda w: {
            "pk": w.of_stockholm.referral.pk,
            "recipient_pk": w.of_stockholm.recipient.pk,
        },
        expect=only("stockholm", OK, "sara", "superuser"),
        also=[
            Case(
                kwargs=lambda w: {
                    "pk": w.of_grannby.referral.pk,
                    "recipient_pk": w.of_grannby.recipient.pk,
                },
                expect=only("grannby", OK, "karin", "superuser"),
            )
        ],
    ),
    "governance-meeting-minutes": manage("meeting", {"minutes": "Genomgång av lägesbilden."}),
    "governance-meeting-adjust": manage("meeting", {"adjusted_on": "2026-03-19"}),
    "governance-decision-add": manage("meeting"),
    # Järva's administration (Olle, Rut) / Grannby kommun (all of Grannby's cast) is
    # responsible; coordinators may close any decision of their tenant they see (not Sara:
    # the decision is of Järva's group).
    "governance-decision-done": Entry(
        method="post",
        kwargs=_pk("decision")[0],
        expect=only(
            "stockholm",
            REDIRECT,
            "coordinator",
            "olle",
            "rut",
            "superuser",
            **DISTRICT_LIMITED_ELSEWHERE,
        ),
        also=[Case(kwargs=_pk("decision")[1], expect=members_of("grannby", REDIRECT))],
    ),
}
