"""Authorization-matrix entries for places (see samverkan/organisations/matrix.py).

Object pages are opened on Rinkeby torg and an evening safety walk in Rinkeby (with one
point) of the matrix world (organisations/tests/matrix_world.py; Grannby has no
districts, so no places of its own). Places and walks are visible to members of the
tenant who reach their district (models: PlaceQuerySet, SafetyWalkQuerySet): Södermalm's
district-limited members and Grannby are told "not found". Updating a walk's point needs
a coordinator of the district (permissions.can_manage_walks): Anna, Per.
"""

from samverkan.organisations.matrix import (
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    Entry,
    members_of,
    only,
)

MEMBERS = {"anonymous": LOGIN, "*": OK}
IN_RINKEBY = members_of("stockholm", sodermalm=NOT_FOUND)
WALK = lambda w: {"pk": w.of_stockholm.walk.pk}  # noqa: E731

URLS = {
    "places-list": Entry(expect=MEMBERS),
    "places-detail": Entry(kwargs=lambda w: {"pk": w.of_stockholm.place.pk}, expect=IN_RINKEBY),
    "places-vulnerable-areas": Entry(expect=MEMBERS),
    "places-walks": Entry(expect=MEMBERS),
    "places-walk": Entry(kwargs=WALK, expect=IN_RINKEBY),
    "places-point-status": Entry(
        method="post",
        data={"status": "in_progress", "note": "Beställt"},
        kwargs=lambda w: {"pk": w.of_stockholm.walk.pk, "point_pk": w.of_stockholm.point.pk},
        expect=only("stockholm", REDIRECT, "anna", "per", "superuser"),
    ),
    "places-walk-protocol": Entry(
        kwargs=lambda w: {"pk": w.of_stockholm.walk.pk, "fmt": "docx"}, expect=IN_RINKEBY
    ),
}
