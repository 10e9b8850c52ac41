"""An organisation for the benchmark and the query-count tests: members, each with several
completed assessments, every one shared with it, inserted in bulk.

Shares carry their readiness as services.share_create stores it (score_snapshot of the
frozen report) and the latest flag as services.refresh_latest sets it.
"""

from django.db import transaction

from assessments.reporting.snapshot import read_snapshot, score_snapshot
from bench.seed import BATCH, completed_assessments
from organisations.models import Membership, Organisation, Role, SharedAssessment, ShareReadiness


def seed_organisation(*, members, per_member=4, owner=None, seed=7, name="Bench Inc."):
    """An organisation of `members` members (plus `owner`, if given, as its owner), each
    sharing `per_member` completed assessments. Every third member agrees to be named."""
    assessments = completed_assessments(
        count=members * per_member, members=members, per_member=per_member, seed=seed
    )
    with transaction.atomic():
        organisation = Organisation.objects.create(name=name)
        if owner is not None:
            Membership.objects.create(organisation=organisation, user=owner, role=Role.OWNER)
        memberships = {}
        for assessment in assessments:
            if assessment.owner_id not in memberships:
                memberships[assessment.owner_id] = Membership(
                    organisation=organisation,
                    user_id=assessment.owner_id,
                    named_in_small_groups=len(memberships) % 3 == 0,
                )
        Membership.objects.bulk_create(memberships.values(), batch_size=BATCH)
        latest = {}
        for assessment in assessments:
            best = latest.get(assessment.owner_id)
            if best is None or assessment.completed_at > best.completed_at:
                latest[assessment.owner_id] = assessment
        shares, readiness = [], []
        for assessment in assessments:
            snapshot = read_snapshot(assessment.snapshot)
            share = SharedAssessment(
                organisation=organisation,
                membership=memberships[assessment.owner_id],
                assessment=assessment,
                completed_at=assessment.completed_at,
                target_stage=snapshot.target_stage,
                is_latest=latest[assessment.owner_id] is assessment,
            )
            shares.append(share)
            readiness += [
                ShareReadiness(share=share, stage=stage.stage, readiness=stage.percent)
                for stage in score_snapshot(snapshot).by_stage
            ]
        SharedAssessment.objects.bulk_create(shares, batch_size=BATCH)
        ShareReadiness.objects.bulk_create(readiness, batch_size=BATCH * 4)
    return organisation
