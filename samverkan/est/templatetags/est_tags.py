from django import template
from django.template.exceptions import TemplateDoesNotExist
from django.template.loader import get_template

register = template.Library()


@register.simple_tag(takes_context=True)
def optional_include(context, name: str) -> str:
    """Render template ``name`` with the current context, or nothing if it does not exist.

    The shared chart/map script includes arrive from another branch; pages work without.
    """
    try:
        tpl = get_template(name)
    except TemplateDoesNotExist:
        return ""
    return tpl.render(context.flatten(), context.get("request"))


@register.filter
def signed(value) -> str:
    """+3, −2, 0: a change with its sign (true minus sign for screen readers)."""
    if value is None:
        return ""
    v = int(value)
    return f"+{v}" if v > 0 else (f"−{-v}" if v < 0 else "0")


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
