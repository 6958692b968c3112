"""Authorization-matrix entries of the audit app: auditors and the platform operator only."""

from samverkan.organisations.matrix import LOGIN, NOT_FOUND, OK, Entry

AUDITORS = {"anonymous": LOGIN, "auditor": OK, "superuser": OK, "*": NOT_FOUND}

URLS = {
    "audit-list": Entry(expect=AUDITORS),
    "audit-export-csv": Entry(expect=AUDITORS),
    "audit-export-xlsx": Entry(expect=AUDITORS),
}
