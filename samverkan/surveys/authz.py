"""Authorization-matrix entries of surveys (see samverkan/organisations/matrix.py).

Object pages are opened on a survey (its indicator and index) of each tenant in the
matrix world (organisations/tests/matrix_world.py). Survey results are aggregates,
visible to every member of the survey's tenant (models.SurveyQuerySet); the other tenant
is told "not found". Loading a wave needs a coordinator of the tenant whose membership
is not limited to districts (permissions.can_manage_survey): Anna, Per, Karin and the
platform operator; Sara (Södermalm only) and the readers get "not found". Stockholm's
survey has a wave with respondents in Rinkeby-Kista, so its CSV exports exist.
"""

from samverkan.organisations.matrix import LOGIN, OK, Case, Entry, members_of, only

MEMBERS = {"anonymous": LOGIN, "*": OK}


def _pk(thing: str):
    return (
        lambda w: {"pk": getattr(w.of_stockholm, thing).pk},
        lambda w: {"pk": getattr(w.of_grannby, thing).pk},
    )


def read(thing: str, *, grannby_too: bool = True) -> Entry:
    """Stockholm's ``thing``, and Grannby's unless it has nothing to show (no wave)."""
    stockholm, grannby = _pk(thing)
    also = [Case(kwargs=grannby, expect=members_of("grannby"))] if grannby_too else []
    return Entry(kwargs=stockholm, expect=members_of("stockholm"), also=also)


URLS = {
    "surveys-list": Entry(expect=MEMBERS),
    "surveys-detail": read("survey"),
    "surveys-wave-upload": Entry(
        kwargs=_pk("survey")[0],
        expect=only("stockholm", OK, "anna", "superuser"),
        also=[Case(kwargs=_pk("survey")[1], expect=only("grannby", OK, "karin", "superuser"))],
    ),
    "surveys-indicator": read("indicator"),
    # Grannby's survey has no wave with respondents (no districts), so nothing to export.
    "surveys-indicator-csv": read("indicator", grannby_too=False),
    "surveys-index": read("index"),
    "surveys-index-csv": read("index", grannby_too=False),
}
