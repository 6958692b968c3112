"""Authorization-matrix entries of the agreements app (see samverkan/organisations/matrix.py).

Details are opened on Stockholm's city agreement and on Grannby's (matrix world).
"""

from samverkan.organisations.matrix import LOGIN, OK, Case, Entry, members_of

URLS = {
    "agreements-list": Entry(expect={"anonymous": LOGIN, "*": OK}),
    "agreements-coverage": Entry(expect={"anonymous": LOGIN, "*": OK}),
    "agreements-detail": Entry(
        kwargs=lambda w: {"pk": w.city_agreement.pk},
        expect=members_of("stockholm"),
        also=[
            Case(kwargs=lambda w: {"pk": w.of_grannby.agreement.pk}, expect=members_of("grannby"))
        ],
    ),
}
