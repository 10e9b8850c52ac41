"""django-tasks-db's worker, which also puts back in the queue the tasks of workers that
died (cto_assess/task_reaper.py): at its start, and every few seconds while it runs."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from cto_assess import task_reaper


class Command(DatabaseWorkerCommand):
    help = DatabaseWorkerCommand.help + ", putting dead workers' tasks back in the queue"

    def handle(self, *args, **options):
        task_reaper.stale_tasks_requeue()
        stop = None if options.get("batch") else task_reaper.start_reaper()
        try:
            return super().handle(*args, **options)
        finally:
            if stop is not None:
                stop.set()
