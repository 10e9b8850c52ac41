"""The frozen report of a completed assessment: written once, read back as typed data.

freeze.py writes the snapshot at completion; snapshot.py reads it back (the only place
that knows its layout) and scores it; recommendations.py chooses what serves the focus
areas. The reports app (reports/) builds and draws the report from them.
"""
