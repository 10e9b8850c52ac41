"""The colleagues' view as a section of the report (reports/sections.py lists the sections).

It is drawn per request beside the frozen page body (its figures move while a round is
open), and into the files, whose drawings its stamp keys.
"""

from colleagues.reporting import colleagues_data, csv_cells, csv_header
from colleagues.selectors import colleagues_for


class ColleaguesSection:
    key = "colleagues"
    template = "colleagues/_section.html"
    in_page_body = False  # the page shows it around the cached body, drawn per request

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

    def csv_rows(self, report):
        return []


section = ColleaguesSection()
