"""Data for the load benchmark: many completed assessments, and browser sessions to load.

Completed assessments are frozen with the app's own snapshot functions, so the rows are
what real people leave behind; drafts are started and answered through the services.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction
from django.utils import timezone

from assessments import access, services
from assessments.models import Answer, Assessment, FrozenReport
from assessments.reporting.freeze import matrix_snapshot, snapshot_of
from assessments.tokens import new_token
from content.models import Item, Stage

BATCH = 500


def completed_assessments(*, count, members=0, per_member=5, seed=1):
    """Create `count` completed assessments; `members` members own `per_member` each.

    Answers are random but deterministic for a given `seed`. Each report is frozen the
    way `services.assessment_complete` freezes it, with the matrix read once for all.
    Returns the assessments.
    """
    rng = random.Random(seed)
    stages = list(Stage.objects.order_by("order"))
    items = list(Item.objects.filter(active=True))
    matrix = matrix_snapshot([item.pk for item in items])
    password = make_password(None)  # members of the benchmark never log in by password
    user_model = get_user_model()
    users = user_model.objects.bulk_create(
        user_model(username=f"bench-member-{seed}-{n}", password=password) for n in range(members)
    )
    owners = [users[n // per_member] for n in range(min(count, members * per_member))]
    now = timezone.now()
    assessments, answers = [], []
    for n in range(count):
        current = rng.randrange(len(stages) - 1)
        target = rng.randrange(current + 1, len(stages))
        levels = {item.pk: (rng.randint(0, 4), "") for item in items}
        assessment = Assessment(
            owner=owners[n] if n < len(owners) else None,
            current_stage=stages[current],
            target_stage=stages[target],
            resume_token_hash=new_token()[1],  # a real hash; the token itself is not kept
            status=Assessment.Status.COMPLETED,
            # A member's assessments follow each other, so each report has a previous one.
            completed_at=now - timedelta(days=count - n),
            snapshot=snapshot_of(
                matrix=matrix,
                answers=levels,
                current_stage=stages[current].slug,
                target_stage=stages[target].slug,
            ),
        )
        assessments.append(assessment)
        answers += [
            Answer(assessment=assessment, item_id=item_id, level=level)
            for item_id, (level, _note) in levels.items()
        ]
    with transaction.atomic():
        FrozenReport.objects.bulk_create(
            [assessment.frozen_report for assessment in assessments], batch_size=BATCH
        )
        Assessment.objects.bulk_create(assessments, batch_size=BATCH)
        Answer.objects.bulk_create(answers, batch_size=BATCH * 4)
    return assessments


def visitor_session(assessments):
    """A stored session of a visitor's browser that may open these assessments."""
    session = SessionStore()
    ids = [str(assessment.pk) for assessment in assessments]
    # The browser that started them: it holds them whatever happens to their resume links.
    session[access.SESSION_KEY] = ids
    session[access.CLAIMABLE_KEY] = list(ids)
    session.create()
    return session.session_key


def visitor_draft(*, answered_steps_of=None, seed=1):
    """A visitor's draft, answered in part (items of the given categories)."""
    rng = random.Random(seed)
    stages = list(Stage.objects.order_by("order"))
    assessment, _token = services.assessment_start(
        owner=None, current_stage=stages[2], target_stage=stages[-1]
    )
    items = Item.objects.filter(active=True, category__in=answered_steps_of or [])
    services.answers_save(
        assessment=assessment, answers={item: (rng.randint(0, 4), "") for item in items}
    )
    return assessment
