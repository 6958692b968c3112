from decimal import Decimal

from django import template
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.formats import number_format

from samverkan.surveys.suppression import round_count

register = template.Library()


@register.filter
def pct(value, digits: int = 1) -> str:
    """A share 0–1 as a percentage number without the sign, e.g. 0.1058 → "10,6"."""
    if value is None:
        return "–"
    return number_format(Decimal(f"{value * 100:.{digits}f}"), decimal_pos=digits)


@register.filter
def num(value, digits: int = 2) -> str:
    if value is None:
        return "–"
    return number_format(Decimal(f"{value:.{digits}f}"), decimal_pos=digits)


@register.filter
def shown_count(n, rule) -> str:
    """A respondent count as it may be shown under the tenant's rounding rule."""
    value = round_count(n, rule)
    return "–" if value is None else str(value)


@register.simple_tag(takes_context=True)
def include_if_exists(context, name: str) -> str:
    """Render template ``name`` if it exists (chart/map scripts arrive from another app)."""
    try:
        return get_template(name).render(context.flatten(), context.get("request"))
    except TemplateDoesNotExist:
        return ""
