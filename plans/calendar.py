"""The plan's dates as an iCalendar file: each action's target date and the reassessment.

Each event's UID names the assessment and the action, never the host that served the file:
a calendar that subscribes through two host names (or after the site moves) updates the
same events instead of adding copies.
"""

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

# The right-hand side of every UID (RFC 5545 asks for a domain-like part): fixed, so the
# same action keeps its UID whichever address the file was fetched from.
UID_DOMAIN = "cto-assess"


def event_uid(assessment_id, part):
    """The stable UID of the plan's event `part` (an action's item slug, or "reassess")."""
    return f"{assessment_id}-{part}@{UID_DOMAIN}"


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


def plan_calendar(*, plan, actions, progress):
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
            event_uid(plan.assessment_id, action.item),
            state.target_date,
            _("Plan: %(item)s, level %(low)d → %(high)d")
            % {"item": action.item_name, "low": action.from_level, "high": action.to_level},
            action.goal,
            stamp,
        )
    if plan.reassess_on:
        _all_day(
            calendar,
            event_uid(plan.assessment_id, "reassess"),
            plan.reassess_on,
            _("Assess yourself again on CTO Assess"),
            "",
            stamp,
        )
    return calendar.to_ical()
