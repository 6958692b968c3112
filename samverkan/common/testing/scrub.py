"""What every app's scrubbing test posts and expects (docs/decisions/0086).

``TYPED`` holds one identifier of each kind people paste most: a 12-digit identity
number with a valid date (19811218 passes the scrubber's date rule), a mobile number and
an e-mail address. ``STORED`` is what the database must hold instead, ``WARNING_SV`` the
message the person sees (Swedish, the default language).
"""

from django.contrib.messages import get_messages
from django.http import HttpResponse

TYPED = "Ring 070-123 45 67 eller mejla anna.andersson@example.se, pnr 19811218-9876."
STORED = "Ring [telefonnummer] eller mejla [e-post], pnr [personnummer]."
WARNING_SV = (
    "Platser, inte personer: vi tog bort 1 personnummer, 1 telefonnummer, "
    "1 e-postadress ur din text innan den sparades."
)


def warnings_of(response: HttpResponse) -> list[str]:
    """The texts of the warning messages queued for ``response``'s request."""
    return [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


class ScrubAssertions:
    """Mixin for TestCase classes: the page stored the scrubbed text and warned in Swedish."""

    def assertWarnedAboutRemovals(self, response: HttpResponse) -> None:
        """The page shows the warning: ``response`` is a post followed to its page."""
        self.assertContains(response, WARNING_SV)  # type: ignore[attr-defined]

    def assertNoIdentifiers(self, *texts: str) -> None:
        for text in texts:
            for fragment in ("070-123", "example.se", "19811218"):
                self.assertNotIn(fragment, text)  # type: ignore[attr-defined]
