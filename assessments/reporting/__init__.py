"""The report of a completed assessment: frozen data, one report object, four renderings.

freeze.py writes the snapshot at completion; snapshot.py reads it back into typed data
(the only place that knows its layout); report.py builds the one Report from it; page.py
and files.py draw it as the page, PDF, CSV and JSON; cache.py keeps what they drew.
"""
