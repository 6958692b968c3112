"""Authorization-matrix entries of the agreements app (see samverkan/organisations/matrix.py)."""

from samverkan.organisations.matrix import LOGIN, NOT_FOUND, OK, Entry

URLS = {
    "agreements-list": Entry(expect={"anonymous": LOGIN, "*": OK}),
    "agreements-coverage": Entry(expect={"anonymous": LOGIN, "*": OK}),
    "agreements-detail": Entry(
        kwargs=lambda w: {"pk": w.city_agreement.pk},
        expect={"anonymous": LOGIN, "grannby": NOT_FOUND, "*": OK},
    ),
}
