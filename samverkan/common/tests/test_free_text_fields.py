"""Every text column of every samverkan model is either scrubbed or exempt for a reason.

Issue #8 ("Personal data"): the scrubber applies to every free-text field. This test walks
every concrete model of every ``samverkan.*`` app and fails for a ``TextField`` or
``CharField`` (without choices) that is neither a ``Scrubbed*`` field
(``samverkan.common.fields``) nor listed in ``EXEMPT`` below with its reason. A new
free-text field therefore fails CI until somebody decides: scrub it, or say here why its
exact value must be kept (docs/decisions/0086-scrub-every-free-text-field.md).

Keys are ``app_label.Model`` (every text field of the model) or
``app_label.Model.field``. URL and slug fields are exempt by type: their own validation
already confines them to a link or a code.
"""

from django.apps import apps
from django.db import models
from django.test import SimpleTestCase

from samverkan.common.fields import ScrubbedFieldMixin

REFERENCE = (
    "reference data loaded from public sources by importers and the tenant seed, never "
    "typed; names and codes must match the source"
)
CITATION = "a source citation, kept verbatim so the reader can find the source"

EXEMPT: dict[str, str] = {
    # --- accounts: the account is the one place staff identity belongs --------------
    "accounts.User.password": "a password hash, not text",
    "accounts.User.username": "the staff member's login name, which the account requires",
    "accounts.User.first_name": "staff name, shown where a role requires it (approvals, audit)",
    "accounts.User.last_name": "staff name, shown where a role requires it (approvals, audit)",
    "accounts.User.email": "the staff member's work address for login and notifications",
    "accounts.User.preferred_language": "a language code from settings.LANGUAGES",
    # --- reference data and machine-written records ------------------------------------
    "geography.Municipality": REFERENCE,
    "geography.District": REFERENCE,
    "geography.Neighbourhood": REFERENCE,
    "organisations.Organisation.code": "organisation number or code, the key of the seed",
    "organisations.AdministrativeCoverage.source": CITATION,
    "police_events.PoliceEvent": (
        "copied verbatim from the Police's public events API (already anonymised by the "
        "Police); versions are detected by the content hash of the fetched text and the "
        "placer reads place names from it"
    ),
    "police_events.PoliceEventVersion": "an earlier version of a police event, as fetched",
    "crime_statistics.ReportedCrime.source": CITATION,
    "datasets.ImportRun": (
        "written by the importer: kind code, the file name as given and its SHA-256, "
        "which must match the file"
    ),
    "places.VulnerableArea": (
        "copied from the Police's published list of vulnerable areas (source cited); "
        "names and codes must match the list"
    ),
    "surveys.Respondent": "design variables (stratum, cluster) from the respondent file",
    "surveys.PublishedFigure.area_name": "area as printed in the published table",
    "audit.AuditEntry": (
        "the append-only audit log (a database trigger forbids changes); it records the "
        "stored, already scrubbed values, and the actor's work e-mail it exists to record"
    ),
    "reporting.ExportJob.error": "written by the export worker, never typed by a person",
    # --- case numbers, citations, links, keys inside the domain apps ------------------
    "agreements.Agreement.case_number": "case number (diarienummer), kept for reference",
    "agreements.Signatory.name": "staff name: a signatory of a public agreement",
    "agreements.PriorityAreaMapping.source": CITATION,
    "governance.AgendaItem.reference_url": "a link, kept verbatim",
    "governance.Referral.case_number": "case number (diarienummer), kept for reference",
    "communications.CommunicationVersion.digest": "SHA-256 of the version's scrubbed text",
    "communications.Approval.digest": "SHA-256 of the approved version's text",
    "problems.Evidence.source": CITATION,
    "plans.Activity.code": "the activity's code (e.g. 'A1.2'), the key of the Excel round-trip",
    "plans.Indicator.source": CITATION,
    "plans.IndicatorValue.source": CITATION,
    "est.Observation.external_id": "the row's id in the source system, the key of re-imports",
}

EXEMPT_TYPES = (models.URLField, models.SlugField)


def text_fields() -> list[tuple[str, models.Field]]:
    """(``app.Model.field``, field) for every text column of every samverkan model."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        if not model.__module__.startswith("samverkan."):
            continue
        if model._meta.abstract or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.TextField | models.CharField) and not field.choices:
                found.append((f"{model._meta.label}.{field.name}", field))
    return found


def decision(key: str, field: models.Field) -> str | None:
    """Why the field may hold unscrubbed text, or None when nothing was decided."""
    if isinstance(field, ScrubbedFieldMixin):
        return "scrubbed"
    if isinstance(field, EXEMPT_TYPES):
        return "a URL or slug field"
    return EXEMPT.get(key) or EXEMPT.get(key.rsplit(".", 1)[0])


class EveryFreeTextFieldIsDecidedTests(SimpleTestCase):
    def test_every_text_field_is_scrubbed_or_exempt_with_a_reason(self) -> None:
        undecided = [key for key, field in text_fields() if decision(key, field) is None]
        self.assertEqual(
            undecided,
            [],
            "Free-text fields without a decision: make them ScrubbedTextField / "
            "ScrubbedCharField (samverkan.common.fields) or add them to EXEMPT with the "
            "reason their exact value must be kept.",
        )

    def test_the_walk_sees_the_fields_it_should(self) -> None:
        keys = dict(text_fields())
        # A sample across apps, so a broken walk cannot pass by seeing nothing.
        for key in (
            "governance.Meeting.minutes",
            "communications.CommunicationVersion.body",
            "pledges.Promise.text",
            "est.Observation.text",
            "places.SafetyWalkPoint.observation",
        ):
            self.assertIsInstance(keys[key], ScrubbedFieldMixin, key)

    def test_no_exemption_is_stale(self) -> None:
        keys = {key for key, _field in text_fields()}
        models_ = {key.rsplit(".", 1)[0] for key in keys}
        stale = [k for k in EXEMPT if k not in keys and k not in models_]
        self.assertEqual(stale, [], "EXEMPT names fields or models that no longer exist")

    def test_exempt_fields_are_not_also_scrubbed(self) -> None:
        both = [
            key
            for key, field in text_fields()
            if isinstance(field, ScrubbedFieldMixin)
            and (key in EXEMPT or key.rsplit(".", 1)[0] in EXEMPT)
        ]
        self.assertEqual(both, [])

    def test_every_reason_says_something(self) -> None:
        for key, reason in EXEMPT.items():
            self.assertGreater(len(reason.split()), 2, key)
