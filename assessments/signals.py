"""What the assessments app tells the apps built on it, without knowing them."""

from django.dispatch import Signal

# Sent by the submit view once an assessment is completed, with `request` and
# `assessment`: the reports app queues the new report's PDF.
assessment_submitted = Signal()

# Sent inside the transaction that deletes assessments, before their rows go, with
# `assessments` (a queryset): each app built on assessments deletes what it keeps of them
# (nothing cascades on purpose).
assessments_deleting = Signal()
