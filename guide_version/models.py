"""The guide's version: one row whose stamp changes with every write to the guide's tables.

Database triggers change it (see triggers.py), so every write counts: admin saves, the
loader, bulk writes, raw SQL. Each process keeps what it drew from the guide under the
stamp it read (see cache.py) and draws it again when the stamp has changed.
"""

from django.db import models

THE_ROW = 1


class GuideVersion(models.Model):
    id = models.PositiveSmallIntegerField(primary_key=True, default=THE_ROW)
    # Random, never a counter: a stamp seen inside a transaction that was rolled back
    # must never come back for other content.
    stamp = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=THE_ROW), name="guide_version_one_row")
        ]

    def __str__(self):
        return self.stamp
