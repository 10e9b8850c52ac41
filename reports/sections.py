"""The report's sections: what the feature apps add to the frozen report, in order.

The frozen report (report.py) is the same for everyone and never changes. A section is
what a feature app adds beside it, and it may change after completion (a budget chosen,
a check answered, a colleague's rating). Each feature app offers one section object:

- `key`: the Report's attribute it fills and the JSON export's key;
- `template`: what the page and the PDF include to show it;
- `in_page_body`: False when the page draws it around the cached body (the whole page's
  key, reports/page.py, holds every section's stamp);
- `state_for(seen, language=...)`: what this audience sees of it now, read per request
  in a few small queries (None: nothing to show);
- `stamp(state)`: that state named in a cache key, so a new state is a new drawing;
- `state_from_stamp(stamp, seen, language=...)`: the state again from its stamp, for
  the task worker drawing a PDF that was asked for (querying only what a stamp cannot
  hold);
- `add(report, state, built)`: puts its part on the Report while one is drawn (`built`
  holds the assessment, its snapshot and score, and the language);
- `data(report)`: its part of the JSON export;
- `csv_columns(report)`, `csv_cells(report, item_slug)`: its columns in report.csv after
  the item columns, and its cells in one item's row (report.csv stays one table);
- `csv_file`: the name of its own table, a CSV beside report.csv ("plan": plan.csv), or
  None; with one, `csv_table(report)` gives its header and rows (None when this report
  has no such table).

Adding a section means one new object and one line below. Sections come in this order
in the CSV's columns, and after the frozen fields in the JSON (the fields the contract
placed before, report.files.JSON_ORDER, keep their places).
"""

from calibration.report_section import section as calibration
from colleagues.section import section as colleagues
from plans.section import section as plan

SECTIONS = (
    plan,
    colleagues,
    calibration,
)


def states_for(seen, *, language):
    """{section key: state} of every section, as `seen` (an access.Access) sees it now."""
    return {section.key: section.state_for(seen, language=language) for section in SECTIONS}


def states_from_stamps(stamps_of, seen, *, language):
    """{section key: state} again from {section key: stamp} (a queued PDF's)."""
    return {
        section.key: section.state_from_stamp(stamps_of[section.key], seen, language=language)
        for section in SECTIONS
        if section.key in stamps_of
    }


def stamps_by_key(states):
    """{section key: stamp} of every section."""
    return {section.key: section.stamp(states.get(section.key)) for section in SECTIONS}


def stamps(states, *, page):
    """The sections' stamps for a cache key: the page leaves out what it draws around
    its cached body."""
    return tuple(
        section.stamp(states.get(section.key))
        for section in SECTIONS
        if section.in_page_body or not page
    )
