"""The report of a completed assessment: one Report, its sections, four renderings.

assessments freezes the snapshot at completion and reads it back (assessments.reporting);
report.py builds the one Report from it, and each feature app adds its section
(sections.py); viewing.py says what an audience sees; page.py and files.py draw it as
the page, PDF, CSV and JSON; cache.py keeps what they drew; tasks.py draws PDFs in the
task worker; views.py serves them.
"""
