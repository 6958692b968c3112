"""Authorization-matrix entries of problems (see samverkan/organisations/matrix.py).

Object pages are opened on a problem (and its cause analysis) of each tenant in the
matrix world (organisations/tests/matrix_world.py): Stockholm's belongs to Järva's local
agreement, which covers Rinkeby-Kista, Grannby's to Grannby's city agreement. Problems
follow their agreement (plans/visibility.py): Södermalm's district-limited members and the
other tenant are told "not found". Editing needs ``edit_plans`` in a party to the
agreement or above one: Anna (city, above Järva's administration), Per (LPO Järva),
Karin (Grannby kommun) and the platform operator; other readers get "not found".
"""

from samverkan.organisations.matrix import LOGIN, NOT_FOUND, OK, Case, Entry, members_of, only

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


def read(thing: str = "problem") -> Entry:
    stockholm, grannby = _pk(thing)
    return Entry(
        kwargs=stockholm,
        expect=members_of("stockholm", sodermalm=NOT_FOUND),
        also=[Case(kwargs=grannby, expect=members_of("grannby"))],
    )


def edit(thing: str = "problem") -> Entry:
    stockholm, grannby = _pk(thing)
    return Entry(
        kwargs=stockholm,
        expect=only("stockholm", OK, "anna", "per", "superuser"),
        also=[Case(kwargs=grannby, expect=only("grannby", OK, "karin", "superuser"))],
    )


URLS = {
    "problems-list": Entry(expect=MEMBERS),
    "problems-new": Entry(expect=AGREEMENT_EDITORS),
    "problems-detail": read(),
    "problems-trace": read(),
    "problems-evidence-new": edit(),
    "problems-analysis-new": edit(),
    "problems-cause-new": edit("analysis"),
    "problems-chain-new": edit("analysis"),
}
