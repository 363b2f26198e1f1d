"""A deterministic, realistic demo neighbourhood (people, trust, vendors, reviews) for new users and benchmarks."""

from recommender.demo.generator import (
    DEFAULT_CENTRE,
    DemoReport,
    DemoSize,
    DemoTargetNotEmptyError,
    SizeSpec,
    generate_demo,
)

__all__ = [
    "DEFAULT_CENTRE",
    "DemoReport",
    "DemoSize",
    "DemoTargetNotEmptyError",
    "SizeSpec",
    "generate_demo",
]
