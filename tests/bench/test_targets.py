"""What wrk sends: a step POST saves a whole step as a browser would, and the peer's
response POST carries the peer's fields."""

from urllib.parse import parse_qsl

from django.test import Client

from assessments.models import Answer
from bench import targets


def test_a_step_post_saves_the_whole_step_as_a_browser_would(guide):
    (path, cookie, body), *_ = targets._step_posts(2)
    cookies = dict(part.split("=", 1) for part in cookie.split("; "))
    client = Client(enforce_csrf_checks=True)
    client.cookies["sessionid"], client.cookies["csrftoken"] = (
        cookies["sessionid"],
        cookies["csrftoken"],
    )
    fields = dict(parse_qsl(body, keep_blank_values=True))
    assert fields["csrfmiddlewaretoken"] == cookies["csrftoken"]

    response = client.post(path, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 302
    levels = {key for key in fields if key.startswith("level-")}
    assert Answer.objects.filter(assessment_id=path.split("/")[2]).count() == len(levels) > 0


def test_the_peers_response_post_answers_every_question_with_its_token():
    pages = targets.peer_targets(4, [10, 11, 12], ["none", "aware"])
    assert pages["peer survey page"] == [("/survey/4/", "")]
    path, cookie, body = pages["peer response POST"][0]
    fields = dict(parse_qsl(body))
    assert path == "/survey/4/"
    assert cookie == f"csrftoken={fields['csrfmiddlewaretoken']}"
    assert {k for k in fields if k.startswith("question_")} == {
        "question_10",
        "question_11",
        "question_12",
    }
