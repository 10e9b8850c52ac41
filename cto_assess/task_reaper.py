"""Tasks whose worker died are put back in the queue.

The database task backend marks a task RUNNING when a worker takes it and never again
if that worker is killed (out of memory, a deploy, SIGKILL): the PDF would wait forever.
No drawing takes long (seconds), so a task RUNNING for TASK_STALE_SECONDS is taken for
dead and made READY again; every worker looks for such tasks when it starts and every
REAP_EVERY_SECONDS (cto_assess' db_worker command, in assessments/management), so one is
re-queued within a minute of its worker's death. Should a slow drawing be taken for dead,
it is drawn twice, which is harmless: a drawing is stored under one key, whoever draws
it.
"""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

REAP_EVERY_SECONDS = 10


def stale_seconds():
    return settings.TASK_STALE_SECONDS


def stale_tasks_requeue(now=None):
    """Make RUNNING tasks started more than TASK_STALE_SECONDS ago READY again; how many."""
    cutoff = (now or timezone.now()) - timedelta(seconds=stale_seconds())
    count = (
        DBTaskResult.objects.running()
        .filter(started_at__lt=cutoff)
        .update(status="READY", started_at=None)
    )
    if count:
        logger.warning("Re-queued %d task(s) whose worker died", count)
    return count


def reap_forever(stop):
    """Look for dead workers' tasks every REAP_EVERY_SECONDS until `stop` is set."""
    while not stop.wait(REAP_EVERY_SECONDS):
        try:
            close_old_connections()
            stale_tasks_requeue()
        except DatabaseError as exc:  # the database is away: try again next time
            logger.warning("Could not look for dead workers' tasks: %s", exc)


def start_reaper():
    stop = threading.Event()
    threading.Thread(target=reap_forever, args=(stop,), name="task-reaper", daemon=True).start()
    return stop
