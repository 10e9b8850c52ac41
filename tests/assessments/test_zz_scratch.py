import re
from tests.assessments.conftest import *
from content.models import RubricLevel
def test_probe(visitor_draft):
    client, a = visitor_draft
    answer_all(client, a, level=3)
    client.post(reverse("assessments:submit", args=[a.pk]))
    r = client.get(reverse("assessments:detail", args=[a.pk]))
    s = r.content.decode(); i = s.find('<main'); 
    t = re.sub(r"\n\s*\n+", "\n", s[i:])
    print(t[:6000])
    print("rubric present:", RubricLevel.objects.get(item__slug="cloud-computing", level=3).text_en[:60] in s)
