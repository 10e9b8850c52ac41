"""The organisation's view of its team: heatmap, coverage, bench and team readiness.

Each is computed in the database over the latest shared assessment of each member (the
share flagged `is_latest`), in a fixed number of queries whatever the team's size.
"""
