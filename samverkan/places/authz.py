"""Authorization-matrix entries for places (see samverkan/organisations/matrix.py)."""

from samverkan.organisations.matrix import LOGIN, NOT_FOUND, OK, Entry

MEMBERS = {"anonymous": LOGIN, "*": OK}
MISSING = {"anonymous": LOGIN, "*": NOT_FOUND}
NONE = lambda w: {"pk": 0}  # noqa: E731

URLS = {
    "places-list": Entry(expect=MEMBERS),
    "places-detail": Entry(kwargs=NONE, expect=MISSING),
    "places-vulnerable-areas": Entry(expect=MEMBERS),
    "places-walks": Entry(expect=MEMBERS),
    "places-walk": Entry(kwargs=NONE, expect=MISSING),
    "places-point-status": Entry(
        method="post", kwargs=lambda w: {"pk": 0, "point_pk": 0}, expect=MISSING
    ),
    "places-walk-protocol": Entry(kwargs=lambda w: {"pk": 0, "fmt": "pdf"}, expect=MISSING),
}
