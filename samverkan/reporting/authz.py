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


def post_missing() -> Entry:
    return Entry(method="post", kwargs=NONE, expect=MISSING)


URLS = {
    "reporting-reports": Entry(expect=MEMBERS),
    "reporting-overview": Entry(expect=MEMBERS),
    "reporting-compilations": Entry(expect=MEMBERS),
    "reporting-report": Entry(kwargs=NONE, expect=MISSING),
    "reporting-compilation": Entry(kwargs=NONE, expect=MISSING),
    "reporting-export": Entry(kwargs=NONE, expect=MISSING),
    "reporting-export-json": Entry(kwargs=NONE, expect=MISSING),
    "reporting-export-download": Entry(kwargs=NONE, expect=MISSING),
    "reporting-report-submit": post_missing(),
    "reporting-report-correct": post_missing(),
    "reporting-report-export": post_missing(),
    "reporting-compilation-decide": post_missing(),
    "reporting-compilation-next-year": post_missing(),
    "reporting-compilation-export": post_missing(),
}
