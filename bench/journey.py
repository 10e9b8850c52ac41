"""Locust users of the load benchmark: visitors who take a whole assessment.

Each user opens the home page, starts an assessment, answers every step, submits and
opens the report, then starts over in a fresh browser. Between pages they pause as
`BENCH_THINK_SECONDS` says ("min,max"). Every answer the server confirmed (a redirect
after a step was saved) and every confirmed submit is written, at the end, to the JSON
file named by `BENCH_JOURNAL`, for the benchmark to check against the database.
"""

import json
import os
import random
import re
import time

from locust import HttpUser, between, events, task

THINK = [float(s) for s in os.getenv("BENCH_THINK_SECONDS", "0.5,1.5").split(",")]
STAGES = ["junior-developer", "senior-developer", "tech-lead", "engineering-manager"]
ASSESSMENT_URL = re.compile(r"/assessments/([0-9a-f-]{36})/")
LEVEL_FIELD = re.compile(r'name="level-([a-z0-9-]+)"')

# What the server said it saved: [{"at": time, "assessment": id, "answers": {slug: level}}]
# and [{"at": time, "assessment": id}] for submits.
journal = {"saved_steps": [], "completed": []}


@events.quitting.add_listener
def write_journal(environment, **_kwargs):
    path = os.getenv("BENCH_JOURNAL")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(journal, out)


class AssessmentTaker(HttpUser):
    wait_time = between(*THINK)

    def _csrf(self):
        return self.client.cookies.get("csrftoken", "")

    def _post(self, path, data, *, name, expect):
        """POST without following the redirect; a failure unless it redirects to `expect`."""
        data = {"csrfmiddlewaretoken": self._csrf(), **data}
        with self.client.post(
            path, data, name=name, allow_redirects=False, catch_response=True
        ) as response:
            location = response.headers.get("Location", "")
            if response.status_code != 302 or expect not in location:
                response.failure(f"{response.status_code} to {location!r}, expected {expect}")
                return None
            return location

    @task
    def take_an_assessment(self):
        self.client.cookies.clear()  # a new visitor
        self.client.get("/", name="home")
        self.wait()
        self.client.get("/assessments/start/", name="start page")
        location = self._post(
            "/assessments/start/",
            {"current_stage": random.choice(STAGES), "target_stage": "cto"},
            name="start",
            expect="/step/1/",
        )
        if location is None:
            return
        assessment_id = ASSESSMENT_URL.search(location).group(1)
        while "/step/" in location:
            self.wait()
            page = self.client.get(location, name="step page")
            answers = {slug: random.randint(0, 4) for slug in LEVEL_FIELD.findall(page.text)}
            if not answers:
                return
            form = {f"level-{slug}": level for slug, level in answers.items()}
            form["go"] = "next"
            step = location
            location = self._post(step, form, name="step save", expect=f"/{assessment_id}/")
            if location is None:
                return
            journal["saved_steps"].append(
                {"at": time.time(), "assessment": assessment_id, "answers": answers}
            )
        self.wait()
        self.client.get(location, name="review page")
        report = self._post(
            f"/assessments/{assessment_id}/submit/", {}, name="submit", expect=assessment_id
        )
        if report is None:
            return
        journal["completed"].append({"at": time.time(), "assessment": assessment_id})
        self.client.get(report, name="report page")
