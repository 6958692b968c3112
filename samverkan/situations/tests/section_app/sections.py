from datetime import date


def period_section(*, area, start: date, end: date, user) -> dict:
    days = (end - start).days + 1
    return {
        "key": "example",
        "title": "Example section",
        "template": "section_app/situation_section.html",
        "context": {"days": days},
        "data": {"area": area.name, "days": days, "user": user.username if user else None},
    }


def silent_section(*, area, start: date, end: date, user) -> None:
    return None
