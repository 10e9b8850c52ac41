"""The production settings, with the benchmark's two reference pages (bench/reference.py)."""

from cto_assess.settings import *  # noqa: F403

ROOT_URLCONF = "bench.reference"
