"""Default EST configuration for a tenant: the categories seen in practice and a 0–3 scale.

Names are tenant data in the tenant's language (Swedish for Stockholm), not UI strings:
a tenant renames or adds categories in the admin, and publishes a new scale version with
services.publish_rating_scale. Sources for the list: DOCUMENTS.md §2.6.
"""

from datetime import date

from django.db import transaction

from samverkan.organisations.models import Tenant

from .models import ObservationCategory, RatingScale
from .services import publish_rating_scale

# (code, name, description, requires_text)
DEFAULT_CATEGORIES: list[tuple[str, str, str, bool]] = [
    ("gathering", "Otrygghetsskapande samling", "Grupper som skapar otrygghet på platsen", False),
    ("vandalism", "Skadegörelse", "Krossade rutor, förstörd utrustning", False),
    ("graffiti", "Klotter", "Klotter och tags", False),
    ("littering", "Nedskräpning", "Skräp, dumpat avfall, sprutor", False),
    ("drugs", "Misstänkt narkotikahantering", "Misstänkt försäljning eller bruk", False),
    ("disorder", "Ordningsstörning", "Bråk, högljudda störningar", False),
    ("vehicles", "Fordon (mopeder, A-traktorer)", "Mopeder, A-traktorer, bilar som stör", False),
    ("fire", "Brand", "Bränder i containrar, fordon, byggnader", False),
    ("social_media", "Oro i sociala medier", "Rykten och oro i sociala medier", False),
    (
        "semi_public",
        "Halvoffentliga platser",
        "Trapphus, garage, källare, butiker",
        False,
    ),
    ("other", "Övrigt", "Annat som påverkar tryggheten (beskriv)", True),
]

DEFAULT_SCALE_NAME = "Påverkan på tryggheten"
DEFAULT_LEVELS: list[tuple[int, str, str]] = [
    (0, "Ingen påverkan", "Lugnt, inget att rapportera utöver noteringen"),
    (1, "Liten påverkan", "Enstaka händelse, liten påverkan på tryggheten"),
    (2, "Påtaglig påverkan", "Återkommande eller tydligt otrygghetsskapande"),
    (3, "Allvarlig påverkan", "Allvarligt läge som kräver snabba åtgärder"),
]
DEFAULT_SCALE_FROM = date(2020, 1, 1)


def seed_tenant(tenant: Tenant) -> tuple[int, bool]:
    """Create the default categories and scale version 1 if missing; idempotent.

    Returns (categories created, whether a scale was created).
    """
    created = 0
    with transaction.atomic():
        for order, (code, name, description, requires_text) in enumerate(DEFAULT_CATEGORIES):
            _obj, was_created = ObservationCategory.objects.get_or_create(
                tenant=tenant,
                code=code,
                defaults={
                    "name": name,
                    "description": description,
                    "requires_text": requires_text,
                    "order": order,
                },
            )
            created += was_created
        scale_created = False
        if not RatingScale.objects.filter(tenant=tenant).exists():
            publish_rating_scale(
                tenant=tenant,
                name=DEFAULT_SCALE_NAME,
                levels=DEFAULT_LEVELS,
                valid_from=DEFAULT_SCALE_FROM,
                note="Standardskala 0–3 (konfigurerbar per kommun)",
            )
            scale_created = True
    return created, scale_created
