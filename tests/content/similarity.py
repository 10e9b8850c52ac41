"""One measure of "the same sentence in other words": difflib's ratio between two Japanese
sentences, names taken out.

A ratio of 0.5 or more means half the characters line up in order: the same structure
with a few words swapped. The own-words test holds the data file's sentences to it
against the guide, and the distinct-items test holds items at one level to it against
each other.
"""

import difflib
import re

SIMILAR_AT = 0.5
SHORTEST = 10  # shorter fragments (a list of names, a heading) say too little to compare

# Names are facts that carry over: tool, product, law and company names in Latin script,
# and the Japanese names and job titles the guide shares with us (a sentence that only
# names a product manager is not the guide's sentence about product managers).
_LATIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ./&+#'-]*")
_JAPANESE_NAMES = (
    "NTTデータ",
    "富士通",
    "個人情報保護法",
    "プロダクトマネージャー",
    "エンジニアリングマネージャー",
    "ソリューションアーキテクト",
)
_SENTENCE_END = re.compile(r"(?<=[。！？])|\n")
_MARKUP = re.compile(r"[|:：\-・、，,()（）「」\s]")


def sentences(text):
    """The sentences of a text (split after 。！？ and at line ends), long enough to compare."""
    return [part.strip() for part in _SENTENCE_END.split(text) if len(part.strip()) >= SHORTEST]


def comparable(sentence):
    """The sentence without names, punctuation and table markup: what its wording is."""
    for name in _JAPANESE_NAMES:
        sentence = sentence.replace(name, "")
    return _MARKUP.sub("", _LATIN_NAME.sub("", sentence))


def ratio(first, second):
    return difflib.SequenceMatcher(
        None, comparable(first), comparable(second), autojunk=False
    ).ratio()


def closest(sentence, others):
    """(ratio, other sentence) of the sentence among `others` most like it; (0.0, None) if none.

    The quick upper bounds skip most pairs before the full comparison.
    """
    mine = comparable(sentence)
    best = (0.0, None)
    for other in others:
        matcher = difflib.SequenceMatcher(None, mine, comparable(other), autojunk=False)
        floor = max(best[0], SIMILAR_AT - 0.05)
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue
        value = matcher.ratio()
        if value > best[0]:
            best = (value, other)
    return best
