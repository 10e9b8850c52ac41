"""Helpers of the report tests: completed assessments, the formula by hand, page parsers.

Assessments are completed through the services (start, save every answer, complete), so
every report under test comes from a snapshot frozen the way the product freezes it.
"""

import io
import re
from html.parser import HTMLParser

from django.test import Client
from django.urls import reverse

from assessments import access
from tests.factories import spread_level

FORMATS = ("pdf", "csv", "json")
OWNER_USERNAME = "owner-qz7k"  # distinctive: a plain name could be a substring of any text
SECRET_NOTE = "PRIVATE-NOTE-5f3a: only the owner may read this"
SHARE_URL = re.compile(r'id="share-url"[^>]*value="([^"]+)"')


def client_in(language):
    return Client(HTTP_ACCEPT_LANGUAGE=language)


def varied_level(index):
    """A spread of ratings over the matrix: 0, 2, 4, 1, 3, 0, 2, ..."""
    return spread_level(index)


def visitor_client(*assessments, language="en"):
    """A browser whose session holds the visitor's assessments, as after taking them."""
    client = client_in(language)
    session = client.session
    session[access.SESSION_KEY] = [str(assessment.pk) for assessment in assessments]
    session[access.CLAIMABLE_KEY] = list(session[access.SESSION_KEY])  # the session made them
    session.save()
    return client


def detail_url(assessment):
    return reverse("assessments:detail", args=[assessment.pk])


def export_url(assessment, fmt):
    return reverse("assessments:export", args=[assessment.pk, fmt])


def shared_url(token):
    return reverse("shared_report", args=[token])


def shared_export_url(token, fmt):
    return reverse("shared_export", args=[token, fmt])


def share_url_in(html):
    """The share link shown (once) on the report page, or None."""
    found = SHARE_URL.search(html)
    return found.group(1) if found else None


def create_share_link(client, assessment, expires_in_days="30"):
    """Create a link through the owner's page; return the token shown once."""
    response = client.post(
        reverse("assessments:share_create", args=[assessment.pk]),
        {"expires_in_days": expires_in_days},
    )
    assert response.status_code == 302, response.content[:500]
    url = share_url_in(client.get(detail_url(assessment)).content.decode())
    assert url, "the new share link is not on the report page"
    return url.rstrip("/").rsplit("/", 1)[-1]


# --- the formula, worked by hand on the snapshot ------------------------------------------


def readiness_by_hand(snapshot, stage_slug):
    """The readiness formula: sum(w * min(r, e)) / sum(w * e) over items with e > 0, in %."""
    stage = next(s for s in snapshot["stages"] if s["slug"] == stage_slug)
    met = expected = 0
    for item in snapshot["items"]:
        e, w = stage["profile"].get(item["slug"], (0, 1))
        if e > 0:
            met += w * min(item["rating"], e)
            expected += w * e
    return 100.0 if expected == 0 else 100.0 * met / expected


def blocked_by_hand(snapshot, stage_slug):
    """The stage's core items (snapshot version 4) rated below its expected level."""
    stage = next(s for s in snapshot["stages"] if s["slug"] == stage_slug)
    return [
        item["slug"]
        for item in snapshot["items"]
        if item["slug"] in stage.get("core", [])
        and item["rating"] < stage["profile"][item["slug"]][0]
    ]


def best_fit_by_hand(snapshot, threshold=80.0):
    """The highest stage with readiness at the line and no core item short."""
    stages = [s["slug"] for s in sorted(snapshot["stages"], key=lambda s: s["order"])]
    reached = [
        s
        for s in stages
        if readiness_by_hand(snapshot, s) >= threshold and not blocked_by_hand(snapshot, s)
    ]
    return reached[-1] if reached else stages[0]


def items_by_hand(snapshot):
    """{item slug: (rating, expected, importance, gap, priority)} against the target."""
    target = next(s for s in snapshot["stages"] if s["slug"] == snapshot["target_stage"])
    rows = {}
    for item in snapshot["items"]:
        e, w = target["profile"].get(item["slug"], (0, 1))
        gap = max(0, e - item["rating"])
        rows[item["slug"]] = (item["rating"], e, w, gap, w * gap)
    return rows


def focus_areas_by_hand(snapshot):
    category_order = {c["slug"]: c["order"] for c in snapshot["categories"]}
    rows = items_by_hand(snapshot)
    position = {
        item["slug"]: (category_order[item["category"]], item["order"])
        for item in snapshot["items"]
    }
    target = next(s for s in snapshot["stages"] if s["slug"] == snapshot["target_stage"])
    core = set(target.get("core", []))
    gaps = [slug for slug, row in rows.items() if row[3] > 0]
    # Priority first; a tie goes to the target's core items, then to the matrix order.
    return sorted(gaps, key=lambda slug: (-rows[slug][4], slug not in core, position[slug]))


# --- reading pages and files ---------------------------------------------------------------


class ItemsTable(HTMLParser):
    """The report page's per-item table: {item name: [you, expected, importance, gap, prio]}."""

    def __init__(self):
        super().__init__()
        self.rows = {}
        self._in_table = False
        self._row = None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "items-table" in (attrs.get("class") or ""):
            self._in_table = True
        elif self._in_table and tag == "tr":
            self._row = []
        elif self._in_table and self._row is not None and tag in ("th", "td"):
            self._cell = []
            self._row.append(self._cell)
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")  # the owner's note follows the name on a new line

    def handle_endtag(self, tag):
        if tag == "table" and self._in_table:
            self._in_table = False
        elif tag in ("th", "td"):
            self._cell = None
        elif tag == "tr" and self._row is not None:
            cells = ["".join(cell) for cell in self._row]
            # A retake's table has a change column after these six: left out here.
            if len(cells) in (6, 7) and all(c.strip().isdigit() for c in cells[1:6]):
                name = cells[0].split("\n")[0].strip()
                self.rows[name] = [int(c) for c in cells[1:6]]
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def items_table(html):
    parser = ItemsTable()
    parser.feed(html)
    return parser.rows


def pdf_reader(content):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(content))


def pdf_text(content):
    return "\n".join(page.extract_text() or "" for page in pdf_reader(content).pages)


def pdf_fonts(content):
    """{font name: embedded?} for every font on every page, drawings (XObjects) included."""
    fonts = {}
    for page in pdf_reader(content).pages:
        _collect_fonts(page.get("/Resources"), fonts, seen=set())
    return fonts


def _collect_fonts(resources, fonts, seen):
    if resources is None:
        return
    resources = resources.get_object()
    font_dict = resources.get("/Font")
    for ref in (font_dict.get_object() if font_dict is not None else {}).values():
        font = ref.get_object()
        fonts[str(font.get("/BaseFont"))] = _embedded(font)
    xobjects = resources.get("/XObject")
    for ref in (xobjects.get_object() if xobjects is not None else {}).values():
        key = getattr(ref, "idnum", id(ref))
        if key in seen:
            continue
        seen.add(key)
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Form":
            _collect_fonts(xobject.get("/Resources"), fonts, seen)


def _embedded(font):
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
