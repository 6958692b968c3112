"""Writes for surveys: waves with their respondents, published figures, index versions.

Every function is atomic: a file with any error loads nothing (not even the wave row).
Each successful import is recorded as a datasets.ImportRun (who, file hash, counts).
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samverkan.datasets.models import ImportRun
from samverkan.geography.models import District

from .importers import SurveyFileError, parse_published, parse_respondents
from .models import (
    Better,
    IndexDefinition,
    Indicator,
    PublishedFigure,
    Respondent,
    Survey,
    SurveyKind,
    SurveyWave,
)


def tenant_districts(tenant) -> list[District]:
    """Districts of the municipalities the tenant follows (the valid area codes)."""
    return list(District.objects.filter(municipality__tenants=tenant))


def _record(kind: str, file_name: str, content: bytes, counts: dict, started_at, user) -> None:
    ImportRun.objects.create(
        kind=kind,
        file_name=file_name,
        file_sha256=hashlib.sha256(content).hexdigest(),
        counts=counts,
        started_at=started_at,
        run_by=user if user is not None and user.is_authenticated else None,
    )


@transaction.atomic
def create_wave_from_file(
    *,
    survey: Survey,
    year: int,
    content: bytes,
    file_name: str,
    user=None,
    fieldwork_start_on: date | None = None,
    fieldwork_end_on: date | None = None,
    sample_size: int | None = None,
    response_rate_percent: Decimal | None = None,
    source_url: str = "",
    note: str = "",
) -> SurveyWave:
    """Create a wave of a microdata survey and load its respondent file, all or nothing.

    ``respondents`` is set from the file. Raises SurveyFileError (nothing stored) when the
    file has any problem or the survey already has a wave for ``year``.
    """
    started_at = timezone.now()
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.kind != SurveyKind.MICRODATA:
        raise SurveyFileError([_("This survey holds published figures only, not respondents.")])
    if survey.waves.filter(year=year).exists():
        raise SurveyFileError([_("The survey already has a wave for %(year)d.") % {"year": year}])
    rows = parse_respondents(
        content,
        file_name,
        questions=list(survey.questions.all()),
        districts=tenant_districts(survey.tenant),
    )
    wave = SurveyWave.objects.create(
        survey=survey,
        year=year,
        fieldwork_start_on=fieldwork_start_on,
        fieldwork_end_on=fieldwork_end_on,
        sample_size=sample_size,
        respondents=len(rows),
        response_rate_percent=response_rate_percent,
        source_url=source_url,
        note=note,
    )
    Respondent.objects.bulk_create(
        [
            Respondent(
                wave=wave,
                row_number=r.row_number,
                weight=r.weight,
                stratum=r.stratum,
                cluster=r.cluster,
                age_band=r.age_band,
                sex=r.sex,
                district_id=r.district_id,
                answers=r.answers,
            )
            for r in rows
        ],
        batch_size=2000,
    )
    _record(
        "survey-respondents",
        file_name,
        content,
        {"wave": str(wave), "respondents": len(rows)},
        started_at,
        user,
    )
    return wave


RESPONSE_RATE = "svarsfrekvens"


@transaction.atomic
def load_published_figures(
    *, tenant, content: bytes, file_name: str, catalogue: dict[str, dict], user=None
) -> dict:
    """Load a published-figures table: one PUBLISHED Survey per distinct ``survey`` value.

    ``catalogue`` maps an indicator wording (``indicator_sv``) to {"code", "better"}; a
    wording missing from it is an error (direction must be explicit). Rows whose
    indicator is "svarsfrekvens" set the wave's response rate instead. Surveys are
    matched by name within the tenant and never merged. Re-loading the same file updates
    the same rows. Returns counts {"surveys", "waves", "figures"}.
    """
    started_at = timezone.now()
    rows = parse_published(content, file_name)
    missing = sorted({r.indicator for r in rows if r.indicator != RESPONSE_RATE} - set(catalogue))
    if missing:
        raise SurveyFileError(
            [_("No indicator definition for '%(wording)s'.") % {"wording": w} for w in missing]
        )
    districts = {d.name.lower(): d for d in tenant_districts(tenant)}
    surveys, waves, figures, written = {}, {}, 0, 0
    for row in rows:
        survey = surveys.get(row.survey)
        if survey is None:
            survey, created = Survey.objects.get_or_create(
                tenant=tenant,
                code=slugify(row.survey)[:80],
                defaults={"name": row.survey, "kind": SurveyKind.PUBLISHED, "owner": row.survey},
            )
            written += created
            if survey.kind != SurveyKind.PUBLISHED:
                raise SurveyFileError(
                    [_("'%(name)s' is a respondent-level survey.") % {"name": survey.name}]
                )
            surveys[row.survey] = survey
        wave = waves.get((survey.pk, row.year))
        if wave is None:
            wave, created = SurveyWave.objects.get_or_create(survey=survey, year=row.year)
            written += created
            waves[(survey.pk, row.year)] = wave
        if row.indicator == RESPONSE_RATE:
            new = (row.value_pct, row.source_url, row.note)
            if (wave.response_rate_percent, wave.source_url, wave.note) != new:
                wave.response_rate_percent, wave.source_url, wave.note = new
                wave.save(
                    update_fields=["response_rate_percent", "source_url", "note", "updated_at"]
                )
                written += 1
            continue
        entry = catalogue[row.indicator]
        indicator, created = Indicator.objects.get_or_create(
            survey=survey,
            code=entry["code"],
            defaults={
                "name": row.indicator,
                "definition": row.indicator,
                "better": entry["better"],
            },
        )
        written += created
        values = {
            "district": districts.get(row.area.lower()),
            "share_percent": row.value_pct,
            "respondents": row.respondents,
            "source_url": row.source_url,
            "source_type": row.source_type,
            "note": row.note,
        }
        existing = PublishedFigure.objects.filter(
            wave=wave, indicator=indicator, area_name=row.area, group=row.group
        ).first()
        if existing is None or any(getattr(existing, k) != v for k, v in values.items()):
            PublishedFigure.objects.update_or_create(
                wave=wave,
                indicator=indicator,
                area_name=row.area,
                group=row.group,
                defaults=values,
            )
            written += 1
        figures += 1
    counts = {"surveys": len(surveys), "waves": len(waves), "figures": figures}
    # Like every importer: re-importing the same file writes nothing, not even a record.
    if written:
        _record("survey-published", file_name, content, counts, started_at, user)
    return counts


@transaction.atomic
def add_index_version(
    *,
    survey: Survey,
    code: str,
    name: str,
    formula: dict,
    better: str = Better.LOWER,
    scale_min: float = 0,
    scale_max: float = 6,
    description: str = "",
    valid_from_year: int | None = None,
) -> IndexDefinition:
    """Add the next version of index ``code`` (version 1 when new); old versions stay.

    ``formula`` as documented on IndexDefinition; every item must name a question of the
    survey (ValueError otherwise).
    """
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    known = set(survey.questions.values_list("code", flat=True))
    unknown = [
        item["question"] for item in formula.get("items", []) if item["question"] not in known
    ]
    if unknown or not formula.get("items"):
        raise ValueError(f"Index items must be questions of {survey}: unknown {unknown}")
    latest = survey.index_definitions.filter(code=code).aggregate(v=Max("version"))["v"] or 0
    return IndexDefinition.objects.create(
        survey=survey,
        code=code,
        version=latest + 1,
        name=name,
        formula=formula,
        better=better,
        scale_min=scale_min,
        scale_max=scale_max,
        description=description,
        valid_from_year=valid_from_year,
    )


@transaction.atomic
def create_survey_from_instrument(*, tenant, spec: dict, is_synthetic: bool = False) -> Survey:
    """Create a MICRODATA survey with its questions, indicators and index definitions.

    ``spec`` has the layout of data/surveys/synthetic_instrument.json (code, name, owner,
    population, description, source_url, questions, indicators, indexes). Returns the
    existing survey unchanged when one with the same code already exists.
    """
    existing = Survey.objects.filter(tenant=tenant, code=spec["code"]).first()
    if existing:
        return existing
    survey = Survey.objects.create(
        tenant=tenant,
        code=spec["code"],
        name=spec["name"],
        owner=spec.get("owner", ""),
        kind=SurveyKind.MICRODATA,
        population=spec.get("population", ""),
        description=spec.get("description", ""),
        source_url=spec.get("source_url", ""),
        is_synthetic=is_synthetic,
    )
    questions = {}
    for order, q in enumerate(spec["questions"]):
        questions[q["code"]] = survey.questions.create(
            code=q["code"], wording=q["wording"], answer_scale=q["answer_scale"], order=order
        )
    for order, ind in enumerate(spec.get("indicators", [])):
        survey.indicators.create(
            code=ind["code"],
            name=ind["name"],
            question=questions[ind["question"]],
            positive_values=ind["positive_values"],
            better=ind["better"],
            definition=ind.get("definition", ""),
            order=order,
        )
    for index in spec.get("indexes", []):
        add_index_version(
            survey=survey,
            code=index["code"],
            name=index["name"],
            formula=index["formula"],
            better=index["better"],
            scale_min=index.get("scale_min", 0),
            scale_max=index.get("scale_max", 6),
            description=index.get("description", ""),
        )
    return survey
