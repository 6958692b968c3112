from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class WaveUploadForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    fieldwork_start_on = forms.DateField(label=_("Fieldwork start (YYYY-MM-DD)"), required=False)
    fieldwork_end_on = forms.DateField(label=_("Fieldwork end (YYYY-MM-DD)"), required=False)
    sample_size = forms.IntegerField(label=_("Sample size"), min_value=1, required=False)
    response_rate_percent = forms.DecimalField(
        label=_("Response rate (%)"), min_value=0, max_value=100, decimal_places=1, required=False
    )
    source_url = forms.URLField(label=_("Source (web address)"), required=False)
    file = forms.FileField(
        label=_("Respondent file (CSV or Excel)"),
        help_text=_(
            "One row per respondent with the columns weight, sex, age or age_band, "
            "area_code or area_name, and one column per question code."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        if not upload.name.lower().endswith((".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload

    def clean(self):
        data = super().clean()
        start, end = data.get("fieldwork_start_on"), data.get("fieldwork_end_on")
        if start and end and start > end:
            self.add_error("fieldwork_end_on", _("The fieldwork cannot end before it starts."))
        return data
