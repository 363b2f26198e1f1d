"""Running the suite: one base database, a fresh copy per attack, the engine reloaded, targets measured before/after."""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from recommender.demo import DemoSize, generate_demo
from recommender.evaluation.attacks.attacks import ATTACKS, Added, Attack, Bound, BoundKind
from recommender.evaluation.attacks.world import (
    Standing,
    Target,
    World,
    copy_database,
    discover,
    measure,
    open_copy,
)

logger = logging.getLogger(__name__)

DEMO_SIZE = DemoSize.TOWN
DEMO_SEED = 7
# Shifts are compared to bounds given to a tenth of a star; this keeps float noise from deciding a verdict.
_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class Base:
    """Where the attacked directory came from: the user's file (read once, never written) or a generated demo."""

    path: Path | None
    demo_size: DemoSize | None
    demo_seed: int | None


@dataclass(frozen=True, slots=True)
class Outcome:
    """One attack's effect on its target."""

    attack: Attack
    target: Target
    before: Standing
    after: Standing
    added: Added
    holds: bool | None
    """Whether the bound holds; None for a reference row, which has no bound of its own."""
    allowed_star_shift: float | None
    """The bound on the star shift once any reference is added in."""

    @property
    def star_shift(self) -> float:
        return self.after.stars - self.before.stars

    @property
    def rank_lift(self) -> int:
        """Places gained (negative: places lost)."""
        return self.before.rank - self.after.rank


@dataclass(frozen=True, slots=True)
class SuiteReport:
    base: Base
    world: World
    outcomes: tuple[Outcome, ...]
    seconds: float


def run_suite(
    db_path: Path | None = None,
    *,
    demo_size: DemoSize | str = DEMO_SIZE,
    demo_seed: int = DEMO_SEED,
    today: dt.date | None = None,
    attacks: Sequence[Attack] = ATTACKS,
    workdir: Path | None = None,
) -> SuiteReport:
    """Run every attack on its own copy of the base; ``db_path`` is only ever read (without it: the demo).

    ``workdir`` keeps each attack's copy there as ``<attack name>.sqlite`` (else they go to a temporary folder
    and each is deleted once measured)."""
    started = time.perf_counter()
    today = today or dt.date.today()
    with tempfile.TemporaryDirectory(prefix="grapevine-attacks-") as scratch:
        folder = Path(scratch)
        base_path = folder / "base.sqlite"
        if db_path is None:
            base = Base(None, DemoSize(demo_size), demo_seed)
            database = open_copy(base_path, base_path)
            try:
                generate_demo(database, base.demo_size or DEMO_SIZE, seed=demo_seed, today=today)
            finally:
                database.close()
        else:
            base = Base(db_path, None, None)
            copy_database(db_path, base_path)
        shown_as = db_path or Path(f"the {demo_size} demo")
        database = open_copy(base_path, shown_as)
        try:
            world, before = discover(database, today=today, shown_as=shown_as)
        finally:
            database.close()
        outcomes: list[Outcome] = []
        for attack in attacks:
            copy = (workdir or folder) / f"{attack.name}.sqlite"
            copy.unlink(missing_ok=True)
            outcomes.append(_run_one(attack, world, before, base_path, copy, outcomes))
            if workdir is None:
                copy.unlink()
    return SuiteReport(base, world, tuple(outcomes), time.perf_counter() - started)


def _run_one(
    attack: Attack,
    world: World,
    before: Mapping[uuid.UUID, Standing],
    base_path: Path,
    copy: Path,
    earlier: Sequence[Outcome],
) -> Outcome:
    started = time.perf_counter()
    copy_database(base_path, copy)
    target = attack.target(world)
    database = open_copy(copy, copy)
    try:
        # One transaction per attack: a thousand fakes cost one commit, and a failure leaves nothing half-written.
        with database.write() as uow:
            added = attack.apply(uow, world)
        after = measure(database, [target.id], today=world.today, category=world.category)[target.id]
    finally:
        database.close()
    allowed = _allowed_star_shift(attack.bound, earlier)
    holds = _holds(attack.bound, before[target.id], after, allowed)
    outcome = Outcome(attack, target, before[target.id], after, added, holds, allowed)
    logger.info(
        "%s on %s: rank %d -> %d, %.2f -> %.2f stars (%.1f s)",
        attack.name,
        target.name,
        outcome.before.rank,
        after.rank,
        outcome.before.stars,
        after.stars,
        time.perf_counter() - started,
    )
    return outcome


def _allowed_star_shift(bound: Bound, earlier: Sequence[Outcome]) -> float | None:
    if bound.max_star_shift is None:
        return None
    if bound.reference is None:
        return bound.max_star_shift
    reference = next((o for o in earlier if o.attack.name == bound.reference), None)
    if reference is None:
        raise ValueError(f"the reference {bound.reference!r} must run before the attacks measured against it")
    return reference.star_shift + bound.max_star_shift


def _holds(bound: Bound, before: Standing, after: Standing, allowed: float | None) -> bool | None:
    shift, lift = after.stars - before.stars, before.rank - after.rank
    if bound.kind is BoundKind.REFERENCE:
        return None
    ok = True
    if allowed is not None:
        # A bound relative to a reference limits the gain; an absolute one limits movement either way.
        moved = shift if bound.reference is not None else abs(shift)
        ok &= moved <= allowed + _TOLERANCE
    if bound.max_rank_lift is not None:
        ok &= lift <= bound.max_rank_lift
    if bound.max_rank is not None:
        ok &= after.rank <= bound.max_rank
    return ok
