"""The production settings, with the benchmark's two reference pages (bench/reference.py)."""

from cto_assess.settings import *  # noqa: F403

ROOT_URLCONF = "bench.reference"

# Every simulated user comes from 127.0.0.1: the per-address rate limits would stop the
# journey after a few assessments.
RATE_LIMITS = dict.fromkeys(RATE_LIMITS, "1000000/h")  # noqa: F405
