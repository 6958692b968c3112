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
    "plans-list": Entry(expect=MEMBERS),
    "plans-new": Entry(expect=AGREEMENT_EDITORS),
    "plans-detail": Entry(kwargs=NONE, expect=MISSING),
    "plans-target-new": Entry(kwargs=NONE, expect=MISSING),
    "plans-activity-new": Entry(kwargs=NONE, expect=MISSING),
    "plans-export-xlsx": Entry(kwargs=NONE, expect=MISSING),
    "plans-export-csv": Entry(kwargs=NONE, expect=MISSING),
    "plans-import": Entry(kwargs=NONE, expect=MISSING),
    "plans-carry-over": Entry(kwargs=NONE, expect=MISSING),
    "plans-activity": Entry(kwargs=NONE, expect=MISSING),
    "plans-activity-edit": Entry(kwargs=NONE, expect=MISSING),
    "plans-follow-up": Entry(method="post", kwargs=NONE, expect=MISSING),
    "plans-indicator-new": Entry(kwargs=NONE, expect=MISSING),
    "plans-before-after": Entry(kwargs=NONE, expect=MISSING),
    "plans-value-new": Entry(kwargs=NONE, expect=MISSING),
    "plans-area-trace": Entry(kwargs=NONE, expect=MISSING),
}
