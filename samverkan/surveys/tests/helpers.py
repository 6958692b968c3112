"""A small survey instrument on top of the shared cast, and file builders for tests."""

import csv
import io

from samverkan.surveys.models import Better, Survey, SurveyKind
from samverkan.surveys.services import add_index_version, create_wave_from_file
from samverkan.test import BaseTestCase

HEADER = ["weight", "sex", "age", "area_code", "stratum", "cluster", "worry", "night", "litter"]


def csv_bytes(rows: list[list], header: list[str] = HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


class SurveyTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.survey = cls.make_survey(cls.stockholm, "trygg")
        cls.worried = cls.survey.indicators.get(code="often-worried")
        cls.safe = cls.survey.indicators.get(code="safe-night")

    @classmethod
    def make_survey(cls, tenant, code: str) -> Survey:
        survey = Survey.objects.create(
            tenant=tenant, code=code, name=f"Trygghetsmätning {code}", kind=SurveyKind.MICRODATA
        )
        q = survey.questions.create
        worry = q(
            code="worry",
            wording="Hur ofta har du känt dig orolig för att utsättas för brott?",
            answer_scale=[[1, "Ofta"], [2, "Ibland"], [3, "Sällan"], [4, "Aldrig"]],
            order=0,
        )
        night = q(
            code="night",
            wording="Hur trygg känner du dig ensam ute sent en kväll?",
            answer_scale=[[1, "Mycket trygg"], [2, "Ganska trygg"], [3, "Ganska otrygg"]],
            order=1,
        )
        q(
            code="litter",
            wording="Hur stort problem är nedskräpning?",
            answer_scale=[[1, "Inget"], [2, "Litet"], [3, "Stort"], [4, "Vet ej"]],
            order=2,
        )
        survey.indicators.create(
            code="often-worried",
            name="Ofta orolig",
            question=worry,
            positive_values=[1],
            better=Better.LOWER,
        )
        survey.indicators.create(
            code="safe-night",
            name="Trygg sent",
            question=night,
            positive_values=[1, 2],
            better=Better.HIGHER,
        )
        add_index_version(
            survey=survey,
            code="problem",
            name="Problemindex",
            formula={
                "method": "mean_item_score",
                "min_items": 1,
                "items": [
                    {"question": "litter", "scores": {"1": 0, "2": 3, "3": 6}},
                    {"question": "worry", "scores": {"1": 6, "2": 4, "3": 2, "4": 0}},
                ],
            },
            better=Better.LOWER,
        )
        return survey

    def load(self, rows, year=2020, survey=None, header=HEADER):
        return create_wave_from_file(
            survey=survey or self.survey,
            year=year,
            content=csv_bytes(rows, header),
            file_name=f"wave{year}.csv",
        )
