"""Cells a spreadsheet program will not run, for every CSV the app writes."""

# A spreadsheet runs a cell that begins with one of these as a formula (OWASP, "CSV
# injection"); names come from admin, so a text cell that does is prefixed with a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell):
    """A text cell no spreadsheet program will run; numbers stay numbers."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
