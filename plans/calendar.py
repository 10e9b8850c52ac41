"""The plan's dates as an iCalendar file: each action's target date and the reassessment."""

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event


def _all_day(calendar, uid, day, summary, description, stamp):
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    calendar.add_component(event)


def plan_calendar(*, plan, actions, progress, host):
    """Bytes of a VCALENDAR with one all-day event per dated action and the reassessment.

    actions: the report's ActionRow list; progress: {item slug: ActionProgress}.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//CTO Assess//development plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("CTO Assess: my development plan"))
    stamp = datetime.now(tz=timezone.get_current_timezone())
    for action in actions:
        state = progress.get(action.item)
        if state is None or state.target_date is None:
            continue
        _all_day(
            calendar,
            f"{plan.assessment_id}-{action.item}@{host}",
            state.target_date,
            _("Plan: %(item)s, level %(low)d → %(high)d")
            % {"item": action.item_name, "low": action.from_level, "high": action.to_level},
            action.goal,
            stamp,
        )
    if plan.reassess_on:
        _all_day(
            calendar,
            f"{plan.assessment_id}-reassess@{host}",
            plan.reassess_on,
            _("Assess yourself again on CTO Assess"),
            "",
            stamp,
        )
    return calendar.to_ical()
