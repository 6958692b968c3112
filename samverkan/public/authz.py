"""Authorization-matrix entries of the public pages: open to everybody, logged in or not.

Only published items exist here (``views.published``); an unpublished or unknown id is
"not found" for everybody, and an unknown tenant slug too.
"""

from samverkan.organisations.matrix import NOT_FOUND, OK, REDIRECT, Entry

STOCKHOLM = lambda w: {"slug": "stockholm"}  # noqa: E731

URLS = {
    "public-root": Entry(expect={"*": REDIRECT}),
    "public-index": Entry(kwargs=STOCKHOLM, expect={"*": OK}),
    "public-item": Entry(kwargs=lambda w: {"slug": "stockholm", "pk": 0}, expect={"*": NOT_FOUND}),
    "public-feed-json": Entry(kwargs=STOCKHOLM, expect={"*": OK}),
    "public-feed-csv": Entry(kwargs=STOCKHOLM, expect={"*": OK}),
    "public-feed-atom": Entry(kwargs=STOCKHOLM, expect={"*": OK}),
    # The accessibility statement (DOS-lagen): public, linked from every page's footer.
    "public-accessibility": Entry(kwargs=STOCKHOLM, expect={"*": OK}),
    "accessibility": Entry(expect={"*": REDIRECT}),
}
