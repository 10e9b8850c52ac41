"""The colleagues' view as a section of the report (reports/sections.py lists the sections).

Its figures move while a round is open, so the page draws it outside the frozen report
body; the whole page is still kept as one entry (reports/page.py), whose key holds this
section's stamp, as the files' keys do.
"""

from typing import Annotated, Literal

from pydantic import Field

from assessments.contract import Declared, Slug
from colleagues.disclosure import ALL
from colleagues.models import Relationship
from colleagues.reporting import colleagues_data, csv_cells, csv_header
from colleagues.selectors import colleagues_for


class ItemMeanData(Declared):
    item: Slug
    mean: Annotated[int | float, Field(ge=0, le=4)]


class GroupData(Declared):
    relationship: Literal[tuple([*Relationship.values, ALL])]
    count: Annotated[int, Field(ge=1)]
    items: list[ItemMeanData]


class ColleaguesData(Declared):
    """The JSON export's `colleagues`: only what the anonymity rules let the owner see
    (disclosure.py); null when there is no view to show."""

    invited: Annotated[int, Field(ge=0)]
    answered: Annotated[int, Field(ge=0)]
    groups: list[GroupData]
    blind_spots: list[Slug]
    hidden_strengths: list[Slug]


class ColleaguesSection:
    key = "colleagues"
    data_model = ColleaguesData
    template = "colleagues/_section.html"
    in_page_body = False  # drawn around the report body, inside the page kept whole
    csv_file = None  # its means are a column of report.csv, no table of its own

    def state_for(self, seen, *, language):
        """The ColleaguesView this audience sees, or None."""
        return colleagues_for(seen, language=language)

    def stamp(self, state):
        return "-" if state is None else state.stamp

    def state_from_stamp(self, stamp, seen, *, language):
        """The view again, where the stamp says there was one (it may have moved since)."""
        return None if stamp == "-" else self.state_for(seen, language=language)

    def add(self, report, state, built):
        report.colleagues = state

    def data(self, report):
        return colleagues_data(report.colleagues)

    def csv_columns(self, report):
        return csv_header(report.colleagues)

    def csv_cells(self, report, item_slug):
        return csv_cells(report.colleagues, item_slug)


section = ColleaguesSection()
