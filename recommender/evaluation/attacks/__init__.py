"""``grapevine eval attacks``: fake reviewers against a copy of the directory, measured through the app's engine."""

from recommender.evaluation.attacks.attacks import ATTACKS, Attack, BoundKind
from recommender.evaluation.attacks.report import report_json, report_table
from recommender.evaluation.attacks.suite import SuiteReport, run_suite
from recommender.evaluation.attacks.world import AttackSuiteError

__all__ = [
    "ATTACKS",
    "Attack",
    "AttackSuiteError",
    "BoundKind",
    "SuiteReport",
    "report_json",
    "report_table",
    "run_suite",
]
