"""URL converters of the assessments app."""


class ExportFormat:
    """The report's download formats; anything else is a 404."""

    regex = "pdf|csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
