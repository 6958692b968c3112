"""Safety surveys (trygghetsmätningar): instruments, waves, respondents and published figures.

A **Survey** is one instrument of one owner (Stockholms stads trygghetsmätning, Polisregion
Stockholm's survey, Brå's NTU …). Its **waves** are the rounds it was run. Questions,
indicators and index definitions belong to one survey, so two surveys are never pooled or
compared as if they asked the same question: every comparison function checks that both
sides belong to the same survey (see ``estimation.check_same_survey``).

Two ways in: respondent-level microdata (``Respondent`` rows, one per person, with weight,
age band, sex, district and answers) and published aggregate tables (``PublishedFigure``
rows: area × group × indicator → share, n) for surveys whose microdata is not public.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.common.fields import ScrubbedCharField, ScrubbedTextField
from samverkan.common.models import TimestampedModel
from samverkan.geography.models import District
from samverkan.organisations.models import Tenant


class SurveyKind(models.TextChoices):
    MICRODATA = "microdata", _("respondent-level data")
    PUBLISHED = "published", _("published figures only")


class Better(models.TextChoices):
    """Which direction of an indicator is an improvement."""

    LOWER = "lower", _("lower is better")
    HIGHER = "higher", _("higher is better")


class Sex(models.TextChoices):
    FEMALE = "female", _("women")
    MALE = "male", _("men")


class AgeBand(models.TextChoices):
    """Age bands used for breakdowns (years, both ends inclusive)."""

    A16_24 = "16-24", "16–24"
    A25_44 = "25-44", "25–44"
    A45_64 = "45-64", "45–64"
    A65_84 = "65-84", "65–84"

    @classmethod
    def for_age(cls, age: int) -> "AgeBand | None":
        """The band of an age in whole years, or None when outside 16–84."""
        for band in cls:
            low, high = (int(x) for x in band.value.split("-"))
            if low <= age <= high:
                return band
        return None


class SurveyQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SurveyQuerySet":
        """Surveys of the tenants where ``user`` holds a membership in force.

        Survey results are aggregates, so every member of the tenant may read them; the
        gate is the tenant. Anything outside it behaves as missing (404).
        """
        return self.filter(tenant__in=Tenant.objects.for_user(user))


class Survey(TimestampedModel):
    """One survey instrument of one owner, e.g. Stockholms stads trygghetsmätning.

    ``is_synthetic`` marks generated demonstration data; the UI labels it on every page.
    """

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="surveys", verbose_name=_("tenant")
    )
    code = models.SlugField(_("code"), max_length=80)
    name = ScrubbedCharField(_("name"), max_length=200)
    owner = ScrubbedCharField(_("owner"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SurveyKind)
    description = ScrubbedTextField(_("description"), blank=True)
    population = ScrubbedCharField(
        _("population"), max_length=200, blank=True, help_text=_("e.g. residents aged 16–79")
    )
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    is_synthetic = models.BooleanField(_("synthetic data"), default=False)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "code"], name="survey_unique_code"),
            models.CheckConstraint(condition=Q(kind__in=SurveyKind.values), name="survey_kind"),
        ]

    def __str__(self) -> str:
        return self.name


class SurveyWaveQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SurveyWaveQuerySet":
        return self.filter(survey__in=Survey.objects.visible_to(user))


class SurveyWave(TimestampedModel):
    """One round of a survey. Counts are persons; ``response_rate_percent`` is 0–100."""

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="waves", verbose_name=_("survey")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    fieldwork_start_on = models.DateField(_("fieldwork start"), null=True, blank=True)
    fieldwork_end_on = models.DateField(_("fieldwork end"), null=True, blank=True)
    sample_size = models.PositiveIntegerField(_("sample size"), null=True, blank=True)
    respondents = models.PositiveIntegerField(_("respondents"), null=True, blank=True)
    response_rate_percent = models.DecimalField(
        _("response rate (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    note = ScrubbedTextField(_("note"), blank=True)

    objects = SurveyWaveQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey wave")
        verbose_name_plural = _("survey waves")
        ordering = ["survey", "year"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "year"], name="surveywave_unique_year"),
            models.CheckConstraint(
                condition=Q(response_rate_percent__isnull=True)
                | Q(response_rate_percent__gte=0, response_rate_percent__lte=100),
                name="surveywave_response_rate_0_100",
            ),
            models.CheckConstraint(
                condition=Q(fieldwork_start_on__isnull=True)
                | Q(fieldwork_end_on__isnull=True)
                | Q(fieldwork_start_on__lte=models.F("fieldwork_end_on")),
                name="surveywave_fieldwork_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} {self.year}"

    def previous(self) -> "SurveyWave | None":
        """The latest earlier wave of the same survey, or None."""
        return self.survey.waves.filter(year__lt=self.year).order_by("-year").first()


class Question(models.Model):
    """A question as worded in the questionnaire, with its answer scale.

    ``answer_scale``: list of ``[value, label]`` pairs, value an int code as in the data
    file, label the answer text, e.g. ``[[1, "Ofta"], [2, "Ibland"], …]``.
    """

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="questions", verbose_name=_("survey")
    )
    code = models.SlugField(_("code"), max_length=40)
    wording = ScrubbedTextField(_("wording"))
    answer_scale = models.JSONField(_("answer scale"), default=list)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["survey", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="question_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.wording}"

    @property
    def values(self) -> list[int]:
        return [int(v) for v, _label in self.answer_scale]

    def label_for(self, value: int) -> str:
        return dict((int(v), label) for v, label in self.answer_scale).get(value, str(value))


class IndicatorQuerySet(models.QuerySet):
    def visible_to(self, user) -> "IndicatorQuerySet":
        return self.filter(survey__in=Survey.objects.visible_to(user))


class Indicator(models.Model):
    """A share of respondents: those giving one of ``positive_values`` to ``question``.

    Denominator: respondents who answered the question. For published series the
    question may be empty and ``definition`` carries the published wording.
    """

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("survey")
    )
    code = models.SlugField(_("code"), max_length=60)
    name = ScrubbedCharField(_("name"), max_length=300)
    question = models.ForeignKey(
        Question,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("question"),
    )
    positive_values = models.JSONField(_("answers counted"), default=list, blank=True)
    definition = ScrubbedTextField(_("definition"), blank=True)
    better = models.CharField(_("better when"), max_length=10, choices=Better)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["survey", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="indicator_unique_code"),
            models.CheckConstraint(condition=Q(better__in=Better.values), name="indicator_better"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def counted_labels(self) -> list[str]:
        if not self.question:
            return []
        return [self.question.label_for(int(v)) for v in self.positive_values]


class IndexDefinitionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "IndexDefinitionQuerySet":
        return self.filter(survey__in=Survey.objects.visible_to(user))


class IndexDefinition(models.Model):
    """A composite index as data: a versioned formula over named questions.

    ``formula`` (JSON): ``{"method": "mean_item_score", "items": [{"question": "litter",
    "scores": {"1": 0, "2": 2, "3": 4, "4": 6}}, …], "min_items": 1}``. A respondent's
    index is the mean of the scores of the items they answered (answers not in ``scores``,
    e.g. "don't know", are skipped); respondents with fewer than ``min_items`` scored items
    are left out. The area's index is the weighted mean over respondents. Range
    ``scale_min``–``scale_max``; ``better`` says which end is good. A changed formula is a
    new ``version``, never an edit of a published one.
    """

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="index_definitions", verbose_name=_("survey")
    )
    code = models.SlugField(_("code"), max_length=60)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    name = ScrubbedCharField(_("name"), max_length=200)
    description = ScrubbedTextField(_("description"), blank=True)
    formula = models.JSONField(_("formula"))
    scale_min = models.FloatField(_("scale minimum"), default=0)
    scale_max = models.FloatField(_("scale maximum"), default=6)
    better = models.CharField(_("better when"), max_length=10, choices=Better)
    valid_from_year = models.PositiveSmallIntegerField(_("used from year"), null=True, blank=True)

    objects = IndexDefinitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("index definition")
        verbose_name_plural = _("index definitions")
        ordering = ["survey", "code", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "code", "version"], name="indexdefinition_unique_version"
            ),
            models.CheckConstraint(
                condition=Q(better__in=Better.values), name="indexdefinition_better"
            ),
            models.CheckConstraint(
                condition=Q(scale_min__lt=models.F("scale_max")), name="indexdefinition_scale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @property
    def items(self) -> list[dict]:
        return list(self.formula.get("items", []))

    def respondent_score(self, answers: dict) -> float | None:
        """Index value of one respondent's ``answers`` ({question code: int}), or None."""
        scores = []
        for item in self.items:
            value = answers.get(item["question"])
            if value is None:
                continue
            score = item["scores"].get(str(value))
            if score is not None:
                scores.append(float(score))
        if len(scores) < int(self.formula.get("min_items", 1)) or not scores:
            return None
        return sum(scores) / len(scores)


class Respondent(models.Model):
    """One respondent of a wave: design weight, design cells, age band, sex, area, answers.

    ``weight``: persons represented (> 0). ``stratum``/``cluster``: design identifiers
    from the file (empty = not given). ``answers``: {question code: int answer value};
    a missing key is a missing answer. No names or identity numbers are ever stored, and
    exact age is read from the file only to find the band (data minimisation: age band
    × sex × district is all the breakdowns need).
    """

    wave = models.ForeignKey(
        SurveyWave, on_delete=models.CASCADE, related_name="respondent_rows", verbose_name=_("wave")
    )
    row_number = models.PositiveIntegerField(_("row in file"))
    weight = models.FloatField(_("weight"))
    stratum = models.CharField(_("stratum"), max_length=60, blank=True)
    cluster = models.CharField(_("cluster"), max_length=60, blank=True)
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="+", verbose_name=_("district")
    )
    answers = models.JSONField(_("answers"), default=dict)

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")
        ordering = ["wave", "row_number"]
        constraints = [
            models.UniqueConstraint(fields=["wave", "row_number"], name="respondent_unique_row"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="respondent_weight_positive"),
            models.CheckConstraint(condition=Q(sex__in=Sex.values), name="respondent_sex"),
            models.CheckConstraint(condition=Q(age_band__in=AgeBand.values), name="respondent_age"),
        ]

    def __str__(self) -> str:
        return f"{self.wave} #{self.row_number}"


class PublishedFigure(models.Model):
    """A published share for an area and group, e.g. 11 % of Rinkeby-Kista's 16–79-year-olds.

    ``share_percent`` is 0–100 as published; ``respondents`` the published n when given.
    ``area_name`` is as published; ``district`` links it when it is one of our districts.
    """

    wave = models.ForeignKey(
        SurveyWave,
        on_delete=models.CASCADE,
        related_name="published_figures",
        verbose_name=_("wave"),
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="published_figures"
    )
    area_name = models.CharField(_("area"), max_length=120)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    group = ScrubbedCharField(_("group"), max_length=60)
    share_percent = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=1)
    respondents = models.PositiveIntegerField(_("respondents"), null=True, blank=True)
    source_url = models.URLField(_("source"), max_length=500)
    source_type = ScrubbedCharField(_("kind of source"), max_length=120, blank=True)
    note = ScrubbedCharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("published figure")
        verbose_name_plural = _("published figures")
        ordering = ["indicator", "area_name", "group", "wave__year"]
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "indicator", "area_name", "group"], name="publishedfigure_unique"
            ),
            models.CheckConstraint(
                condition=Q(share_percent__gte=0, share_percent__lte=100),
                name="publishedfigure_share_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.area_name} {self.group} {self.wave.year}"


from auditlog.registry import auditlog  # noqa: E402

auditlog.register(Survey)
auditlog.register(SurveyWave)
auditlog.register(Question)
auditlog.register(Indicator)
auditlog.register(IndexDefinition)
auditlog.register(PublishedFigure)
# The importer writes respondents with bulk_create, which auditlog's signals do not see;
# the import itself is recorded as a datasets.ImportRun (who, file hash, counts).
auditlog.register(Respondent)
