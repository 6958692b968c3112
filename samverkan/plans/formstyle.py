"""Give Django form widgets the govuk-frontend classes (shared by plans and problems)."""

from django import forms

WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.SelectMultiple: "govuk-select sv-select-multiple",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
}


class GovukFormMixin:
    """Adds govuk classes to each widget (Django itself adds aria-invalid on errors).

    Never touch ``self.errors`` here: it would validate before subclasses set querysets.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, bound in self.fields.items():
            widget = bound.widget
            css = next(
                (c for cls, c in WIDGET_CLASSES.items() if type(widget) is cls), "govuk-input"
            )
            if isinstance(widget, forms.HiddenInput):
                continue
            widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()
            if isinstance(widget, forms.DateInput):
                widget.input_type = "date"
                widget.format = "%Y-%m-%d"
                widget.attrs["class"] += " govuk-input--width-10"
            if bound.help_text:
                widget.attrs["aria-describedby"] = f"id_{name}-hint"
