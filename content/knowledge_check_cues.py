"""Form-only cues in knowledge-check questions: what a test-wise guesser could exploit.

A person who does not know the subject can still pick a choice by its form: the longest,
the one that lists the most steps, the one without "always" or "never". This module
measures how well each such strategy would do over a set of questions, in one language,
and finds absolutes in a text. It is pure: plain dicts in the data file's shape in,
numbers out.

Ties share the credit: a strategy that cannot separate two choices picks each with
equal chance, so it earns 1/2 when the key is one of them (1/3 among three, ...).
"""

import re

LANGUAGES = ("ja", "en")
RANKS = ("longest", "second", "third", "shortest")

# Words that make a claim absolute; writers use them to mark a wrong choice. A hyphenated
# term such as "read-only" names a setting and claims nothing.
_ABSOLUTES_EN = re.compile(
    r"(?<![-\w])(all|every\w*|never|always|only|none|nothing|entirely|completely|totally"
    r"|whatever|whenever|anything)\b",
    re.IGNORECASE,
)
_ABSOLUTES_JA = re.compile(
    r"すべて|全て|全部|全員|必ず|常に|絶対|一切|のみ|だけ|決して|まったく|全く|いつも|何があっても"
)
_ABSOLUTES = {"en": _ABSOLUTES_EN, "ja": _ABSOLUTES_JA}

# What a guesser counts as a "step": list separators and the word that joins steps.
_STEPS = {
    "en": re.compile(r",|;|\band\b", re.IGNORECASE),
    "ja": re.compile(r"、|，|,|と"),
}


def absolutes(text, lang):
    """The absolute words in `text` (a list, empty when there are none)."""
    return [match.group(0) for match in _ABSOLUTES[lang].finditer(text)]


def choice_length(text):
    """A choice's length as a reader sees it: its characters without surrounding space."""
    return len(text.strip())


def step_count(text, lang):
    """How many steps a choice seems to list: separators and joining words."""
    return len(_STEPS[lang].findall(text))


def _texts(check, lang):
    return [choice["text"][lang] for choice in check["choices"]]


def _key_index(check):
    return next(n for n, choice in enumerate(check["choices"]) if choice.get("correct"))


def _credit(picked, key):
    """The share of a right guess when the strategy picks one of `picked` at random."""
    return 1 / len(picked) if key in picked else 0.0


def _at_position(lengths, position):
    """Choices that sit at `position` (0 = longest) of the order by length, ties included."""
    wanted = sorted(lengths, reverse=True)[position]
    return {n for n, length in enumerate(lengths) if length == wanted}


def key_rank_credit(check, lang):
    """The key's place by length (longest, second, third, shortest) as four shares.

    A key tied with others spreads its one count over every place the tie spans.
    """
    lengths = [choice_length(text) for text in _texts(check, lang)]
    key_length = lengths[_key_index(check)]
    longer = sum(1 for length in lengths if length > key_length)
    tied = sum(1 for length in lengths if length == key_length)
    return [1 / tied if longer <= place < longer + tied else 0.0 for place in range(4)]


def strategy_credits(check, lang):
    """What each form-only strategy earns on one question (0, 1, or a tie's share)."""
    texts = _texts(check, lang)
    key = _key_index(check)
    lengths = [choice_length(text) for text in texts]
    steps = [step_count(text, lang) for text in texts]
    most_steps = {n for n, count in enumerate(steps) if count == max(steps)}
    plain = [n for n, text in enumerate(texts) if not absolutes(text, lang)] or range(4)
    plain_longest = max(lengths[n] for n in plain)
    return {
        "longest": _credit(_at_position(lengths, 0), key),
        "most_steps": _credit(most_steps, key),
        "plain_longest": _credit({n for n in plain if lengths[n] == plain_longest}, key),
        "second_longest": _credit(_at_position(lengths, 1), key),
        "shortest": _credit(_at_position(lengths, 3), key),
    }


def strategy_scores(checks, lang):
    """Each strategy's share of right guesses over `checks` (chance is 0.25)."""
    checks = list(checks)
    totals = {}
    for check in checks:
        for name, credit in strategy_credits(check, lang).items():
            totals[name] = totals.get(name, 0.0) + credit
    return {name: total / len(checks) for name, total in totals.items()}


def key_rank_shares(checks, lang):
    """The share of keys at each length place, in the order of RANKS."""
    checks = list(checks)
    shares = [0.0] * 4
    for check in checks:
        for place, credit in enumerate(key_rank_credit(check, lang)):
            shares[place] += credit
    return dict(zip(RANKS, (share / len(checks) for share in shares), strict=True))


def length_spread(check, lang):
    """The shortest choice's length over the longest's (1.0 when all four are equal)."""
    lengths = [choice_length(text) for text in _texts(check, lang)]
    return min(lengths) / max(lengths)
