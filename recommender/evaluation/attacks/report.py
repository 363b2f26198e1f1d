"""The attack suite's results as one JSON document and as a readable table."""

from __future__ import annotations

from typing import Any

from recommender.evaluation.attacks.attacks import Bound, BoundKind
from recommender.evaluation.attacks.suite import Outcome, SuiteReport
from recommender.evaluation.attacks.world import Standing


def _standing(standing: Standing) -> dict[str, Any]:
    return {"rank": standing.rank, "stars": standing.stars, "review_count": standing.review_count}


def bound_text(bound: Bound, allowed: float | None) -> str:
    if bound.kind is BoundKind.REFERENCE:
        return "reference"
    if bound.kind is BoundKind.TOP_3:
        return f"stays in top {bound.max_rank}"
    if bound.kind is BoundKind.WITHIN_REFERENCE:
        return f"≤ {bound.reference} +{bound.max_star_shift:g}★ (≤ {allowed:+.2f}★)"
    return f"≤ {bound.max_star_shift:g}★, ≤ {bound.max_rank_lift} place{'s' if bound.max_rank_lift != 1 else ''}"


def _bound(outcome: Outcome) -> dict[str, Any]:
    bound = outcome.attack.bound
    return {
        "kind": bound.kind.value,
        "max_star_shift": outcome.allowed_star_shift,
        "max_rank_lift": bound.max_rank_lift,
        "max_rank": bound.max_rank,
        "reference": bound.reference,
        "text": bound_text(bound, outcome.allowed_star_shift),
    }


def outcome_json(outcome: Outcome) -> dict[str, Any]:
    target = outcome.target
    return {
        "name": outcome.attack.name,
        "description": outcome.attack.description,
        "added": {
            "people": outcome.added.people,
            "reviews": outcome.added.reviews,
            "trust_links": outcome.added.trust_links,
        },
        "targets": [
            {
                "id": str(target.id),
                "name": target.name,
                "role": target.role,
                "before": _standing(outcome.before),
                "after": _standing(outcome.after),
                "star_shift": outcome.star_shift,
                "rank_lift": outcome.rank_lift,
            }
        ],
        "bound": _bound(outcome),
        "holds": outcome.holds,
    }


def report_json(report: SuiteReport) -> dict[str, Any]:
    world, base = report.world, report.base
    return {
        "attacks": [outcome_json(outcome) for outcome in report.outcomes],
        "viewer": {
            "id": str(world.me.id),
            "name": world.me.display_name,
            "home": list(world.home),
            "friend": {"id": str(world.friend.id), "name": world.friend.display_name, "trust": world.friend_trust},
            "own_reviews": len(world.my_reviews),
        },
        "base": {
            "db": str(base.path) if base.path is not None else None,
            "demo": {"size": base.demo_size.value, "seed": base.demo_seed} if base.demo_size is not None else None,
            "today": world.today.isoformat(),
            "people": world.counts.people,
            "vendors": world.counts.vendors,
            "reviews": world.counts.reviews,
            "trust_links": world.counts.trust_links,
            "category": world.category,
            "category_vendors": world.category_size,
        },
        "seconds": report.seconds,
    }


def _verdict(holds: bool | None) -> str:
    return "-" if holds is None else ("holds" if holds else "FAILS")


def report_table(report: SuiteReport) -> str:
    world, base = report.world, report.base
    source = f"{base.path}" if base.path is not None else f"the {base.demo_size} demo (seed {base.demo_seed})"
    lines = [
        f"Attacks on {source}: {world.counts.people:,} people, {world.counts.vendors:,} vendors, "
        f"{world.counts.reviews:,} reviews, {world.counts.trust_links:,} trust links",
        f"Seen by {world.me.display_name} from home; ranks among all {world.category_size} {world.category} "
        f"vendors; most trusted friend: {world.friend.display_name} ({world.friend_trust:g})",
        "",
        f"{'attack':<28} {'target':<30} {'rank':>11} {'stars':>11} {'shift':>6} {'lift':>5}  {'bound':<38} verdict",
    ]
    for o in report.outcomes:
        rank = f"{o.before.rank} → {o.after.rank}"
        stars = f"{o.before.stars:.2f} → {o.after.stars:.2f}"
        lines.append(
            f"{o.attack.name:<28} {o.target.name[:30]:<30} {rank:>11} {stars:>11} {o.star_shift:>+6.2f} "
            f"{o.rank_lift:>+5d}  {bound_text(o.attack.bound, o.allowed_star_shift):<38} {_verdict(o.holds)}"
        )
    failed = sum(o.holds is False for o in report.outcomes)
    checked = sum(o.holds is not None for o in report.outcomes)
    lines += ["", f"{checked - failed} of {checked} bounds hold. {report.seconds:.1f} s."]
    return "\n".join(lines)
