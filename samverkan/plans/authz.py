"""Authorization-matrix entries of plans (see samverkan/organisations/matrix.py).

Object pages are opened on a plan (its activity, indicator and priority area) of each
tenant in the matrix world (organisations/tests/matrix_world.py): Stockholm's belongs to
Järva's local agreement, which covers Rinkeby-Kista, Grannby's to Grannby's city
agreement. Plans follow their agreement (visibility.py): Södermalm's district-limited
members and the other tenant are told "not found". Editing needs ``edit_plans`` in a
party to the agreement or above one: Anna (city, above Järva's administration), Per
(LPO Järva), Karin (Grannby kommun) and the platform operator; other readers get
"not found".
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
# Creating needs edit_plans in an organisation that is party to a visible agreement: city
# hall (city agreement, and above Järva's administration), LPO Järva (Järva's local
# agreement), Grannby kommun and the platform operator; everybody else "not found".
AGREEMENT_EDITORS = {
    "anonymous": LOGIN,
    "anna": OK,
    "per": OK,
    "karin": OK,
    "superuser": OK,
    "*": NOT_FOUND,
}


def _pk(thing: str):
    return (
        lambda w: {"pk": getattr(w.of_stockholm, thing).pk},
        lambda w: {"pk": getattr(w.of_grannby, thing).pk},
    )


def read(thing: str) -> Entry:
    stockholm, grannby = _pk(thing)
    return Entry(
        kwargs=stockholm,
        expect=members_of("stockholm", sodermalm=NOT_FOUND),
        also=[Case(kwargs=grannby, expect=members_of("grannby"))],
    )


def edit(thing: str, outcome: str = OK, method: str = "get", data: dict | None = None) -> Entry:
    stockholm, grannby = _pk(thing)
    return Entry(
        method=method,
        data=data or {},
        kwargs=stockholm,
        expect=only("stockholm", outcome, "anna", "per", "superuser"),
        also=[Case(kwargs=grannby, expect=only("grannby", outcome, "karin", "superuser"))],
    )


URLS = {
    "plans-list": Entry(expect=MEMBERS),
    "plans-new": Entry(expect=AGREEMENT_EDITORS),
    "plans-detail": read("plan"),
    "plans-export-xlsx": read("plan"),
    "plans-export-csv": read("plan"),
    "plans-activity": read("activity"),
    "plans-before-after": read("activity"),
    "plans-area-trace": read("area"),
    "plans-target-new": edit("plan"),
    "plans-activity-new": edit("plan"),
    "plans-import": edit("plan"),
    "plans-carry-over": edit("plan"),
    "plans-activity-edit": edit("activity"),
    "plans-indicator-new": edit("activity"),
    "plans-value-new": edit("plan_indicator"),
    # A valid follow-up: recorded, then the redirect to the activity (rolled back).
    "plans-follow-up": edit(
        "activity", REDIRECT, "post", {"reported_on": "2026-03-31", "status": "ongoing"}
    ),
}
