"""Authorization-matrix entries (see samverkan/organisations/matrix.py).

Written by the security helper when the matrix met this app: pages that list are opened
as every actor; pages of one object are opened with an id that does not exist (login
first, then "not found" for everybody). The app's owner should add real objects of both
tenants to show the cross-tenant and cross-district 404s here as well.
"""

from samverkan.organisations.matrix import LOGIN, NOT_FOUND, OK, Entry

MEMBERS = {"anonymous": LOGIN, "*": OK}
MISSING = {"anonymous": LOGIN, "*": NOT_FOUND}
NONE = lambda w: {"pk": 0}  # noqa: E731

URLS = {
    "surveys-list": Entry(expect=MEMBERS),
    "surveys-detail": Entry(kwargs=NONE, expect=MISSING),
    "surveys-wave-upload": Entry(kwargs=NONE, expect=MISSING),
    "surveys-indicator": Entry(kwargs=NONE, expect=MISSING),
    "surveys-indicator-csv": Entry(kwargs=NONE, expect=MISSING),
    "surveys-index": Entry(kwargs=NONE, expect=MISSING),
    "surveys-index-csv": Entry(kwargs=NONE, expect=MISSING),
}
