"""URL converters of the reports app."""

from reports.files import FORMATS, TABLES


class ExportFormat:
    """The report's download formats (files.FORMATS); anything else is a 404."""

    regex = "|".join(FORMATS)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class SectionTable(ExportFormat):
    """The sections' own tables (files.TABLES: "plan" for plan.csv); anything else is a 404."""

    regex = "|".join(TABLES)
