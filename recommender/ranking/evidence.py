"""Weighing every review as seen from one viewer: trust caps, two bounded pools, and the category prior.

A review's weight starts from its voice's (``ranking.perspective``) times its age factor, then:
- **hearsay** ("Anna told me", recorded by Ben) is Ben's word about Anna's opinion: never more than Ben's weight
  nor my trust in Anna (if Anna is outside my network, Ben vouching for her counts as one link: Ben's weight ×
  decay); several records of Anna's one opinion of a vendor count once together, and none when Anna reviewed it
  herself;
- everyone behind one of my contacts (their best trust path starts with that contact) counts, together, for one
  vendor, no more than my trust in that contact: a duped friend brings nobody's crowd into my network;
- everyone outside my network is one pool: like-minded people (weighed by how much they agree with me) and
  strangers (a little each) fill it up to ``stranger_weight``, and beyond that they share that bound.
The same caps apply per category, where the weighed reviews of all its vendors make the *category prior*: what a
dentist usually gets among the people I trust, shrunk toward the global mean. A vendor's rating is its prior
moved toward its own weighed reviews, on the level at which the people I trust rate:

    rating = centre + habit(my network) + prior(category) + Σ ωᵢ·(deviationᵢ − prior) / (k + Σ ωᵢ)

where habit(my network) is the weighted habit of my own and my network's reviews (how generous the people I trust
are). The pool's deviations are clipped to ± ``pool_clip``, so any set of accounts without a trust path to me
(strangers, copies of my profile, or both) can move any rating by at most 2·pool_clip·S·(1/(k + S) + 1/(k_c + S))
with S = ``stranger_weight``: 0.089★ with the defaults, whatever their number (``outside_bound``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from recommender.ranking.model import RatingModel
from recommender.ranking.perspective import BLOCKED, LIKE_MINDED, ME, NETWORK, STRANGER, STRANGER_EACH, Perspective

HABIT_SHRINKAGE = 1.0
"""The weight of my network's reviews it takes to move their habit halfway from the typical one."""


@dataclass(frozen=True)
class CategoryPriors:
    """Per category, as seen from one viewer: where its vendors start from."""

    prior: NDArray[np.float64]
    """Deviation from the level that a vendor of this category starts from."""
    network_prior: NDArray[np.float64]
    """The same from my own and my network's reviews alone: what ranking starts from."""


@dataclass(frozen=True)
class Evidence:
    """Per-vendor sums for ``items`` (aligned with it), and every category's prior, as seen from one viewer."""

    items: NDArray[np.int64]
    weight: NDArray[np.float64]
    """Σ ω over each vendor's reviews, every cap and pool applied."""
    pull: NDArray[np.float64]
    """Σ ω × deviation."""
    network: NDArray[np.float64]
    """Word of mouth: Σ ω × how much each review recommends (−1 for the lowest stars, +1 for the highest), over
    my own and my network's reviews alone."""
    priors: CategoryPriors
    habit: float
    heard: NDArray[np.float64]
    """Σ ω over my own and my network's reviews, whatever their stars: whether anyone I trust knows the vendor."""
    heard_pull: NDArray[np.float64]
    """Σ ω × deviation over the same reviews: with ``heard``, the rating my network alone gives, which ranks."""
    """How far above the scale's centre my network and I rate, weighted like our reviews (0 with no network)."""


def outside_bound(model: RatingModel, stranger_weight: float) -> float:
    """The most, in stars, that any number of accounts without a trust path to me can move any rating: the pool
    of people outside my network moves from one clipped extreme to the other at the vendor and category level."""
    s = model.settings
    k, k_c = s.network_shrinkage, s.category_prior_shrinkage
    return 2.0 * s.pool_clip * stranger_weight * (1.0 / (k + stranger_weight) + 1.0 / (k_c + stranger_weight))


def endorsement(model: RatingModel, stars: NDArray[np.float64]) -> NDArray[np.float64]:
    """How much a review recommends its vendor: +1 for the highest stars, 0 for the middle, −1 for the lowest."""
    low, high = model.scale
    return (np.asarray(stars, dtype=np.float64) - model.centre) / ((high - low) / 2.0)


def review_weights(model: RatingModel, perspective: Perspective, reviews: NDArray[np.int64]) -> NDArray[np.float64]:
    """Each review's weight before the per-contact caps and the pools: its voice's weight × age, hearsay
    bounded by my trust in its author (hearsay about one author on one vendor shares that bound)."""
    voices = model.voices[reviews]
    raw = perspective.weights[voices] * model.age_factors[reviews]
    hearsay = np.flatnonzero(voices != model.authors[reviews])
    if len(hearsay) == 0:
        return raw
    view, classes = perspective.view, perspective.classes
    told = reviews[hearsay]
    authors = model.authors[told]
    author_class = classes[authors]
    vouched = perspective.weights[voices[hearsay]] * view.settings.decay
    cap = np.where(np.isin(author_class, (ME, NETWORK)), view.weights[authors], vouched)
    cap = np.where(author_class == BLOCKED, 0.0, cap) * model.age_factors[told]
    cap = np.where(model.superseded[told], 0.0, cap)
    bounded = np.minimum(raw[hearsay], cap)
    # Two people recording Anna's one opinion of a vendor are two records of it, not two opinions.
    _, group_of = np.unique(authors * np.int64(model.n_items) + model.items[told], return_inverse=True)
    totals = _sum(group_of, bounded, int(group_of.max()) + 1)
    ceilings = np.zeros(len(totals))
    np.maximum.at(ceilings, group_of, cap)
    raw[hearsay] = bounded * _share(ceilings[group_of], totals[group_of])
    return raw


def counted_deviations(model: RatingModel, perspective: Perspective, reviews: NDArray[np.int64]) -> NDArray[np.float64]:
    """Each review's deviation as it counts for me: clipped in the pool of people outside my network; and for
    someone behind one of my contacts, their habit is shrunk toward that contact's rather than toward none (a
    newcomer my friend vouches for is read as rating like my friend until they have said more, so a crowd of fresh
    accounts behind a friend cannot sound keener than the friend)."""
    kind = perspective.classes[model.voices[reviews]]
    counted = np.where(
        (kind == LIKE_MINDED) | (kind == STRANGER), model.pooled_deviations[reviews], model.deviations[reviews]
    )
    authors = model.authors[reviews]
    roots = perspective.view.roots[authors]
    behind = (kind == NETWORK) & (model.voices[reviews] == authors) & (roots >= 0) & (roots != authors)
    if behind.any():
        shrinkage = model.settings.reviewer_shrinkage
        who = authors[behind]
        habit = (model.own_sums[who] + shrinkage * model.habits[roots[behind]]) / (shrinkage + model.own_counts[who])
        counted[behind] = model.stars[reviews[behind]] - model.centre - habit
    return counted


def contact_shares(
    model: RatingModel, perspective: Perspective, reviews: NDArray[np.int64], raw: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Per review, the factor that keeps everyone behind one contact of mine within my trust in that contact,
    for each vendor (1 for reviews not voiced by my network)."""
    shares = np.ones(len(reviews))
    voices = model.voices[reviews]
    mine = np.flatnonzero(perspective.classes[voices] == NETWORK)
    if len(mine) == 0:
        return shares
    view = perspective.view
    roots = view.roots[voices[mine]].astype(np.int64)
    _, group_of = np.unique(model.items[reviews[mine]] * np.int64(model.n_people) + roots, return_inverse=True)
    totals = _sum(group_of, raw[mine], int(group_of.max()) + 1)
    shares[mine] = _share(view.weights[roots], totals[group_of])
    return shares


def _sum(index: NDArray[np.integer], values: NDArray[np.float64], size: int) -> NDArray[np.float64]:
    """Σ values by index over 0..size-1 (np.bincount typed as what it returns for float weights)."""
    return np.bincount(index, values, size).astype(np.float64, copy=False)


def _share(bound: NDArray[np.float64] | float, total: NDArray[np.float64]) -> NDArray[np.float64]:
    """min(1, bound / total), and 1 where the total is 0."""
    total = np.asarray(total, dtype=np.float64)
    return np.minimum(1.0, np.divide(bound, total, out=np.ones_like(total), where=total > 0))


def gather(model: RatingModel, perspective: Perspective, items: NDArray[np.int64] | None = None) -> Evidence:
    """The weighed sums of ``items`` (every vendor when None) and every category's prior, as seen from one viewer.

    Costs one pass over the reviews voiced by me, my network, the like-minded and the blocked, plus hearsay:
    strangers' own reviews are never enumerated; their pool is every vendor's total minus the rest."""
    s = model.settings
    trust_settings = perspective.view.settings
    classes = perspective.classes
    every = items is None
    items = np.arange(model.n_items, dtype=np.int64) if items is None else np.asarray(items, dtype=np.int64)
    counted = np.flatnonzero(classes != STRANGER)
    reviews = model.reviews_voiced_by(counted.astype(np.int64))
    told_by_strangers = model.hearsay[classes[model.voices[model.hearsay]] == STRANGER]
    reviews = np.concatenate([reviews, told_by_strangers])
    raw = review_weights(model, perspective, reviews)
    omega = raw * contact_shares(model, perspective, reviews, raw)
    kind = classes[model.voices[reviews]]
    deviation = counted_deviations(model, perspective, reviews)
    pooled = model.pooled_deviations[reviews]
    own = model.voices[reviews] == model.authors[reviews]
    age = model.age_factors[reviews]
    categories = model.item_categories[model.items[reviews]]
    n_categories = model.n_categories

    def by_category(mask: NDArray[np.bool_], values: NDArray[np.float64]) -> NDArray[np.float64]:
        return _sum(categories[mask], values[mask], n_categories)

    # What strangers' own reviews add up to: everyone's total minus the reviews of people who are not strangers.
    counted_own = own & (kind != STRANGER)
    told = kind == STRANGER
    stranger_raw_c = STRANGER_EACH * (model.own_weight_by_category - by_category(counted_own, age)) + by_category(
        told, raw
    )
    stranger_pull_c = STRANGER_EACH * (
        model.own_deviation_by_category - by_category(counted_own, age * pooled)
    ) + by_category(told, raw * pooled)
    mine = (kind == ME) | (kind == NETWORK)
    liked = kind == LIKE_MINDED
    like_raw_c = by_category(liked, raw)
    # The like-minded and strangers are one pool, people outside my network: together they count no more than
    # ``stranger_weight``, the like-minded (weighed by agreement) taking a larger part of it than strangers.
    outside_share_c = _share(trust_settings.stranger_weight, like_raw_c + stranger_raw_c)
    network_c = by_category(mine, omega)
    network_pull_c = by_category(mine, omega * deviation)
    weight_c = network_c + (like_raw_c + stranger_raw_c) * outside_share_c
    pull_c = network_pull_c + (by_category(liked, raw * pooled) + stranger_pull_c) * outside_share_c
    priors = CategoryPriors(
        prior=pull_c / (s.category_prior_shrinkage + weight_c),
        network_prior=network_pull_c / (s.category_prior_shrinkage + network_c),
    )

    # Per vendor: the same sums over the requested vendors only (every vendor: indexed by vendor directly).
    n = len(items)
    if every:
        slot, present, order = model.items[reviews], np.ones(len(reviews), np.bool_), None
    else:
        order = np.argsort(items, kind="stable")
        sorted_items = items[order]
        slot = np.minimum(np.searchsorted(sorted_items, model.items[reviews]), max(n - 1, 0))
        present = (sorted_items[slot] == model.items[reviews]) if n else np.zeros(len(reviews), np.bool_)

    def by_item(mask: NDArray[np.bool_], values: NDArray[np.float64]) -> NDArray[np.float64]:
        keep = mask & present
        summed = _sum(slot[keep], values[keep], n)
        if order is None:
            return summed
        result = np.empty(n)
        result[order] = summed
        return result

    stranger_raw = STRANGER_EACH * (model.own_weight_by_item[items] - by_item(counted_own, age)) + by_item(told, raw)
    stranger_pull = STRANGER_EACH * (model.own_deviation_by_item[items] - by_item(counted_own, age * pooled)) + by_item(
        told, raw * pooled
    )
    # Subtracting the counted reviews from the totals can leave a rounding residue where no stranger reviewed.
    stranger_raw = np.where(stranger_raw > 1e-12, stranger_raw, 0.0)
    stranger_pull = np.where(stranger_raw > 0, stranger_pull, 0.0)
    like_raw = by_item(liked, raw)
    outside_share = _share(trust_settings.stranger_weight, like_raw + stranger_raw)
    # Word of mouth is what my network would tell me: a five-star review recommends, a one-star warns.
    network = by_item(mine, omega * endorsement(model, model.stars[reviews]))
    heard = by_item(mine, omega)
    heard_pull = by_item(mine, omega * deviation)
    weight = heard + (like_raw + stranger_raw) * outside_share
    pull = heard_pull + (by_item(liked, raw * pooled) + stranger_pull) * outside_share
    habit = _habit(model, reviews[mine], omega[mine])
    return Evidence(items, weight, pull, network, priors, habit, heard, heard_pull)


def network_habit(model: RatingModel, perspective: Perspective) -> float:
    """How far above the scale's centre my network and I rate (``Evidence.habit``), without gathering the rest:
    the one level every category starts from, whatever view each category is ranked through."""
    people = np.flatnonzero((perspective.classes == ME) | (perspective.classes == NETWORK)).astype(np.int64)
    reviews = model.reviews_voiced_by(people)
    raw = review_weights(model, perspective, reviews)
    mouth = raw * contact_shares(model, perspective, reviews, raw)
    return _habit(model, reviews, mouth)


def _habit(model: RatingModel, reviews: NDArray[np.int64], mouth: NDArray[np.float64]) -> float:
    return float(
        (np.dot(mouth, model.levels[model.authors[reviews]]) + HABIT_SHRINKAGE * model.typical_habit)
        / (HABIT_SHRINKAGE + mouth.sum())
    )


def level(model: RatingModel, evidence: Evidence, viewer: int | None = None) -> float:
    """Where ratings start before any category or vendor: the scale's centre plus my network's habit, or, given a
    ``viewer``, that person's own habit (evaluation predicts the stars the viewer will give)."""
    return model.centre + (float(model.levels[viewer]) if viewer is not None else evidence.habit)


def ratings(
    model: RatingModel,
    evidence: Evidence,
    viewer: int | None = None,
    *,
    network_only: bool = False,
    clipped: bool = True,
) -> NDArray[np.float64]:
    """Each vendor's rating from its evidence: its category's prior moved toward its own weighed reviews.

    ``network_only`` leaves out the pool of people outside my network: the rating that ranks. People I don't
    know inform the stars shown (within ``outside_bound``) but never move a vendor in my ranking."""
    codes = model.item_categories[evidence.items]
    if network_only:
        prior, weight, pull = evidence.priors.network_prior[codes], evidence.heard, evidence.heard_pull
    else:
        prior, weight, pull = evidence.priors.prior[codes], evidence.weight, evidence.pull
    k = model.settings.network_shrinkage
    start = level(model, evidence, viewer)
    value = start + prior + (pull - weight * prior) / (k + weight)
    low, high = model.scale
    return np.clip(value, low, high) if clipped else value


def vendor_weights(
    model: RatingModel, perspective: Perspective, item: int
) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.float64]]:
    """One vendor's reviews, each one's final weight ω and the deviation it counts with (clipped in the pools),
    by the same rules as :func:`gather` (which sums the strangers' pool without enumerating it): what an
    explanation lists."""
    reviews = model.reviews_of(item)
    raw = review_weights(model, perspective, reviews)
    omega = raw * contact_shares(model, perspective, reviews, raw)
    kind = perspective.classes[model.voices[reviews]]
    pooled = (kind == LIKE_MINDED) | (kind == STRANGER)
    omega[pooled] *= _share(perspective.view.settings.stranger_weight, np.asarray(raw[pooled].sum()))
    return reviews, omega, counted_deviations(model, perspective, reviews)


def empty_evidence(model: RatingModel) -> Evidence:
    """Zeroed evidence over every vendor, to be filled a category at a time."""
    n, c = model.n_items, model.n_categories
    priors = CategoryPriors(np.zeros(c), np.zeros(c))
    zeros = np.zeros(n)
    return Evidence(
        np.arange(n, dtype=np.int64), zeros, zeros.copy(), zeros.copy(), priors, 0.0, zeros.copy(), zeros.copy()
    )


def fields_of(priors: CategoryPriors) -> tuple[NDArray[np.float64], ...]:
    return (priors.prior, priors.network_prior)


def copy_evidence(evidence: Evidence) -> Evidence:
    return Evidence(
        evidence.items.copy(),
        evidence.weight.copy(),
        evidence.pull.copy(),
        evidence.network.copy(),
        CategoryPriors(*(array.copy() for array in fields_of(evidence.priors))),
        evidence.habit,
        evidence.heard.copy(),
        evidence.heard_pull.copy(),
    )
