"""Authorization-matrix entries of communications (see samverkan/organisations/matrix.py).

Object pages are opened on a joint communication of each tenant in the matrix world
(organisations/tests/matrix_world.py). Drafts and publications are visible by tenant
(models.CommunicationQuerySet): the other tenant is told "not found". Every member of
the tenant reaches the actions; the services decide (a reader's revision, an approval
by someone without ``approve_communication`` in that party, a publication before both
parties approved are refused with a message) and every action answers with a redirect
to the communication. Which member may do what is tested in tests/test_two_party_rule.py.
"""

from samverkan.organisations.matrix import LOGIN, NOT_FOUND, OK, REDIRECT, Case, Entry, members_of

MEMBERS = {"anonymous": LOGIN, "*": OK}
DRAFTERS = {"anonymous": LOGIN, "coordinator": OK, "*": NOT_FOUND}


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
        expect=members_of("stockholm", REDIRECT),
        also=[Case(kwargs=_pk("grannby"), expect=members_of("grannby", REDIRECT))],
    )


URLS = {
    "communications-list": Entry(expect=MEMBERS),
    "communications-new": Entry(expect=DRAFTERS),
    "communications-detail": Entry(
        kwargs=_pk("stockholm"),
        expect=members_of("stockholm"),
        also=[Case(kwargs=_pk("grannby"), expect=members_of("grannby"))],
    ),
    "communications-revise": act({"title": "Ny rubrik", "body": "Ny text", "based_on": 1}),
    "communications-approve": Entry(
        method="post",
        data=_approval("stockholm"),
        kwargs=_pk("stockholm"),
        expect=members_of("stockholm", REDIRECT),
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
}
