from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"

    def ready(self):
        from assessments.signals import assessment_submitted
        from reports.views import queue_pdf

        assessment_submitted.connect(queue_pdf, dispatch_uid="reports.queue_pdf")
