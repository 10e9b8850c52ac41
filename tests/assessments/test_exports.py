import time
from tests.assessments.report_helpers import *
from assessments.report import build_report
from assessments.exports import report_pdf, report_csv, report_json

def test_probe(guide, member, member_client):
    a, token = complete_assessment(owner=member, notes={"cloud-computing": SECRET_NOTE})
    r = build_report(a, language="ja")
    t = time.time(); pdf = report_pdf(r, show_notes=True); print("pdf secs", time.time() - t, len(pdf))
    print(pdf_fonts(pdf))
    txt = pdf_text(pdf)
    print(txt[:1500])
    print("クラウドコンピューティング" in txt, SECRET_NOTE in txt)
    resp = member_client.get(detail_url(a))
    print(items_table(resp.content.decode()))
    print(report_csv(r).decode()[:400])
    print(report_json(r).decode()[:1500])
