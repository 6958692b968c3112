"""Authorization-matrix entries (see samverkan/organisations/matrix.py).

Written by the security helper when the matrix met this app: pages that list are opened
as every actor; pages of one object are opened with an id that does not exist (login
first, then "not found" for everybody). The app's owner should add real objects of both
tenants to show the cross-tenant and cross-district 404s here as well.
"""

from samverkan.organisations.matrix import LOGIN, NOT_FOUND, OK, Entry

MEMBERS = {"anonymous": LOGIN, "*": OK}
MISSING = {"anonymous": LOGIN, "*": NOT_FOUND}
DRAFTERS = {"anonymous": LOGIN, "coordinator": OK, "*": NOT_FOUND}
NONE = lambda w: {"pk": 0}  # noqa: E731

URLS = {
    "communications-list": Entry(expect=MEMBERS),
    "communications-new": Entry(expect=DRAFTERS),
    "communications-detail": Entry(kwargs=NONE, expect=MISSING),
    "communications-revise": Entry(method="post", kwargs=NONE, expect=MISSING),
    "communications-approve": Entry(method="post", kwargs=NONE, expect=MISSING),
    "communications-publish": Entry(method="post", kwargs=NONE, expect=MISSING),
    "communications-comment": Entry(method="post", kwargs=NONE, expect=MISSING),
}
