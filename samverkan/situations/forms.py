from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import MAX_PERIOD_DAYS


class PeriodForm(forms.Form):
    """The period of a situation picture: ``from`` and ``to`` (dates, both inclusive).

    The field names are the query parameters (?from=2025-01-01&to=2025-12-31); ``from``
    is a Python keyword, so the fields are added in __init__.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, label in (("from", _("From")), ("to", _("To"))):
            self.fields[name] = forms.DateField(
                label=label,
                input_formats=["%Y-%m-%d"],
                widget=forms.DateInput(
                    format="%Y-%m-%d",
                    attrs={"type": "date", "class": "govuk-input govuk-input--width-10"},
                ),
                error_messages={
                    "required": _("Enter a date."),
                    "invalid": _("Enter a date as YYYY-MM-DD, for example 2025-01-31."),
                },
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        start: date | None = cleaned.get("from")
        end: date | None = cleaned.get("to")
        if start and end:
            if start > end:
                self.add_error("to", _("The end date must be on or after the start date."))
            elif (end - start).days + 1 > MAX_PERIOD_DAYS:
                self.add_error(
                    "to", _("Choose a period of at most %(days)d days.") % {"days": MAX_PERIOD_DAYS}
                )
        return cleaned
