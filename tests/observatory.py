"""The HTTP Observatory's grading rules (MDN's 2024 edition), for the headers the app sends.

Each test below returns (result, modifier) as the Observatory names and scores them; the
score starts at 100, takes every penalty, then the bonuses if it is still 90 or more; 100
and above is A+. The HSTS preload bonus needs the public preload list and is not awarded
here (it is a bonus: never a deduction).

    grade(score_of(results))  ->  "A+"
"""

import re
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

GRADES = [
    (100, "A+"),
    (90, "A"),
    (85, "A-"),
    (80, "B+"),
    (70, "B"),
    (65, "B-"),
    (60, "C+"),
    (50, "C"),
    (45, "C-"),
    (40, "D+"),
    (30, "D"),
    (25, "D-"),
    (0, "F"),
]
SIX_MONTHS = 15768000
BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
PRIVATE_REFERRERS = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
UNSAFE_REFERRERS = {
    "origin",
    "origin-when-cross-origin",
    "unsafe-url",
    "no-referrer-when-downgrade",
}


def parse_csp(value):
    policy = {}
    for directive in (value or "").split(";"):
        parts = directive.strip().split()
        if parts:
            policy[parts[0].lower()] = set(parts[1:])
    return policy


def csp(headers):
    value = headers.get("Content-Security-Policy")
    if not value:
        return "csp-not-implemented", -25
    policy = parse_csp(value)
    default = policy.get("default-src", {"*"})
    script = policy.get("script-src", default)
    objects = policy.get("object-src", default)
    style = policy.get("style-src", default)
    if script & (BROAD | UNSAFE_INLINE) or objects & BROAD:
        return "csp-implemented-with-unsafe-inline", -20
    active = [
        s for d, sources in policy.items() if d not in ("img-src", "media-src") for s in sources
    ]
    if any(s.startswith(("http:", "ftp:")) for s in active):
        return "csp-implemented-with-insecure-scheme", -20
    if "'unsafe-eval'" in script | style:
        return "csp-implemented-with-unsafe-eval", -10
    passive = policy.get("img-src", default) | policy.get("media-src", default)
    if any(s.startswith(("http:", "ftp:")) for s in passive):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10
    if style & (BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if policy.get("default-src") == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def _hsts_max_age(headers):
    match = re.search(r"max-age\s*=\s*\"?(\d+)", headers.get("Strict-Transport-Security", ""))
    return int(match.group(1)) if match else None


def hsts(headers):
    if "Strict-Transport-Security" not in headers:
        return "hsts-not-implemented", -20
    max_age = _hsts_max_age(headers)
    if max_age is None:
        return "hsts-header-invalid", -20
    if max_age < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


def cookies(set_cookie_headers, headers):
    """Every cookie the site set, as Set-Cookie header values."""
    jar = []
    for raw in set_cookie_headers:
        parsed = SimpleCookie()
        parsed.load(raw)
        for name, morsel in parsed.items():
            samesite = morsel["samesite"]
            if samesite and samesite.lower() not in ("lax", "strict", "none"):
                return "cookies-samesite-flag-invalid", -20
            jar.append((name, morsel))
    if not jar:
        return "cookies-not-found", 0
    protected = hsts(headers)[1] == 0
    worst = ("cookies-secure-with-httponly-sessions-and-samesite", 5)
    order = [
        ("cookies-without-secure-flag-but-protected-by-hsts", -5),
        ("cookies-without-secure-flag", -20),
        ("cookies-session-without-secure-flag-but-protected-by-hsts", -10),
        ("cookies-samesite-flag-invalid", -20),
        ("cookies-anticsrf-without-samesite-flag", -20),
        ("cookies-session-without-httponly-flag", -30),
        ("cookies-session-without-secure-flag", -40),
    ]
    found = []
    missing_samesite = False
    for name, morsel in jar:
        session = any(word in name.lower() for word in ("login", "sess"))
        secure, samesite = bool(morsel["secure"]), morsel["samesite"]
        if not secure:
            found.append(order[0] if protected else order[1])
        if "csrf" in name.lower() and not samesite:
            found.append(order[4])
        if session and not secure:
            found.append(order[2] if protected else order[6])
        if session and not morsel["httponly"]:
            found.append(order[5])
        missing_samesite = missing_samesite or not samesite
    if found:
        return min(found, key=lambda result: result[1])
    if missing_samesite:
        return "cookies-secure-with-httponly-sessions", 0
    return worst


def cors(headers):
    origin = headers.get("Access-Control-Allow-Origin")
    if origin is None:
        return "cross-origin-resource-sharing-not-implemented", 0
    if origin == "*" and headers.get("Access-Control-Allow-Credentials", "").lower() == "true":
        return "cross-origin-resource-sharing-implemented-with-universal-access", -50
    return "cross-origin-resource-sharing-implemented-with-public-access", 0


def redirection(http_url, first_response_status, first_location, final_url):
    """The answer to the site's address over plain HTTP: where it first sends the browser."""
    if first_response_status not in (301, 302, 303, 307, 308):
        return "redirection-missing", -20
    first = urlsplit(first_location)
    if urlsplit(final_url).scheme != "https":
        return "redirection-not-to-https", -20
    if first.scheme != "https":
        return "redirection-not-to-https-on-initial-redirection", -10
    if first.hostname != urlsplit(http_url).hostname:
        return "redirection-off-host-from-http", -5
    return "redirection-to-https", 0


def referrer_policy(headers):
    value = headers.get("Referrer-Policy")
    if value is None:
        return "referrer-policy-not-implemented", 0
    policies = {p.strip().lower() for p in value.split(",") if p.strip()}
    last = [p.strip().lower() for p in value.split(",") if p.strip()][-1:]  # browsers use the last
    if last and last[0] in PRIVATE_REFERRERS:
        return "referrer-policy-private", 5
    if policies & UNSAFE_REFERRERS:
        return "referrer-policy-unsafe", -5
    return "referrer-policy-header-invalid", -5


SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']([^\"']+)[\"'][^>]*>", re.I)


def subresource_integrity(headers, html, site_url):
    if "html" not in headers.get("Content-Type", ""):
        return "sri-not-implemented-response-not-html", 0
    scripts = SCRIPT_SRC.findall(html)
    if not scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    site = urlsplit(site_url)
    for src in scripts:
        target = urlsplit(src)
        if src.startswith("//") or target.scheme == "http":
            return "sri-not-implemented-and-external-scripts-not-loaded-securely", -50
        if target.hostname and target.hostname != site.hostname:
            return "sri-not-implemented-but-external-scripts-loaded-securely", -5
    return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0


def x_content_type_options(headers):
    value = headers.get("X-Content-Type-Options")
    if value is None:
        return "x-content-type-options-not-implemented", -5
    if value.strip().lower() != "nosniff":
        return "x-content-type-options-header-invalid", -5
    return "x-content-type-options-nosniff", 0


def x_frame_options(headers):
    ancestors = parse_csp(headers.get("Content-Security-Policy")).get("frame-ancestors")
    if ancestors and not ancestors & BROAD:
        return "x-frame-options-implemented-via-csp", 5
    value = headers.get("X-Frame-Options")
    if value is None:
        return "x-frame-options-not-implemented", -20
    if value.strip().upper() in ("DENY", "SAMEORIGIN"):
        return "x-frame-options-sameorigin-or-deny", 0
    return "x-frame-options-header-invalid", -20


def cross_origin_resource_policy(headers):
    value = headers.get("Cross-Origin-Resource-Policy")
    if value is None:
        return "cross-origin-resource-policy-not-implemented", 0
    value = value.strip().lower()
    if value == "same-origin":
        return "cross-origin-resource-policy-implemented-with-same-origin", 10
    if value == "same-site":
        return "cross-origin-resource-policy-implemented-with-same-site", 10
    if value == "cross-origin":
        return "cross-origin-resource-policy-implemented-with-cross-origin", 0
    return "cross-origin-resource-policy-header-invalid", -5


def score_of(results):
    """The Observatory's score for {test: (result, modifier)}."""
    penalties = sum(modifier for _result, modifier in results.values() if modifier < 0)
    score = 100 + penalties
    if score >= 90:
        score += sum(modifier for _result, modifier in results.values() if modifier > 0)
    return max(score, 0)


def grade(score):
    return next(letter for floor, letter in GRADES if score >= floor)
