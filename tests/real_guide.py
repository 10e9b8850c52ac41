"""The real guide (content/data/guide.yaml) as the tests know it."""

import functools

from content.guide_loader import DEFAULT_GUIDE_FILE, read_guide_file


@functools.cache
def parsed_guide():
    """The data file, parsed and validated once per process. Do not mutate it."""
    return read_guide_file(DEFAULT_GUIDE_FILE)
