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
# Creating needs edit_plans in an organisation that is party to a visible agreement
# (plans/visibility.py): in the matrix world only city hall (party to the city agreement)
# and the platform operator; everybody else is told "not found".
AGREEMENT_EDITORS = {"anonymous": LOGIN, "anna": OK, "superuser": OK, "*": NOT_FOUND}

URLS = {
    "problems-list": Entry(expect=MEMBERS),
    "problems-new": Entry(expect=AGREEMENT_EDITORS),
    "problems-detail": Entry(kwargs=NONE, expect=MISSING),
    "problems-evidence-new": Entry(kwargs=NONE, expect=MISSING),
    "problems-analysis-new": Entry(kwargs=NONE, expect=MISSING),
    "problems-trace": Entry(kwargs=NONE, expect=MISSING),
    "problems-cause-new": Entry(kwargs=NONE, expect=MISSING),
    "problems-chain-new": Entry(kwargs=NONE, expect=MISSING),
}
