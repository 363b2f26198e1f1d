"""The rating model's global part: every review read against its author's habit, computed once for all viewers.

Some people give five stars to everything, others never more than four. A review says most when read against
what its author usually gives, so each author gets a *habit*: how far above the scale's centre their own reviews
sit on average, shrunk toward none. A review's *deviation* is ``stars − centre − author's habit``, the author's
verdict with their habit taken out. Both are computed from each author's own reviews alone, so a fake account
can move nothing but its own habit; nothing the crowd says as a whole feeds a rating. Which deviations count,
and how much, is decided per viewer by trust (``ranking.evidence``), so accounts nobody trusts cannot buy a
vendor's rank however many they are. For the two pools of people outside my network a deviation is also clipped
to ``pool_clip`` stars either way: one unknown voice never says more than that.

Two people are like-minded when their deviations agree on the vendors both reviewed: both liked more than they
usually do the same vendors. That too reads nobody's reviews but theirs, so a flood cannot change who is
like-minded with me; copies of my profile (or of the crowd's) do agree with me, which is why all like-minded
people together are a bounded pool (``ranking.evidence``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from recommender.arrays import group, ranges


@dataclass(frozen=True, slots=True)
class RatingSettings:
    """Regularisation, bounds and decay. Chosen by cross-validation on the tune folds/splits only (FilmTrust seed 7,
    the Yelp places' tune split), never on the figures reported; see the README."""

    reviewer_shrinkage: float = 3.0
    """Pseudo-reviews pulling an author's habit toward nobody's."""
    pool_clip: float = 1.5
    """How far (in stars) one review from outside my network may deviate from what its author usually gives."""
    network_shrinkage: float = 3.0
    """k: the weight of trusted evidence it takes to move a vendor halfway from its category's prior."""
    category_prior_shrinkage: float = 10.0
    """The weight of trusted evidence it takes to move a category's prior halfway from the global mean."""
    half_life_days: float = 730.0
    """A review this old counts half as much as one written today."""
    agreement_weight: float = 1.0
    """What a fully like-minded person counts within the pool of people outside my network (a stranger counts
    0.01); the pool as a whole never counts more than ``TrustSettings.stranger_weight``, so copies of my profile
    cannot buy a rank. 0 turns like-mindedness off."""
    agreement_shrinkage: float = 5.0
    """Pseudo-vendors of no agreement: two vendors in common is weak evidence of shared taste."""
    agreement_sample: int = 200
    """At most this many co-reviewers of each of my vendors are compared with me, so measuring like-mindedness
    costs the same for a popular vendor as for any other (and evaluation stays linear in the ratings)."""

    def age_factor(self, ages_days: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.power(0.5, np.maximum(ages_days, 0.0) / self.half_life_days)


TYPICAL_HABIT_REVIEWS = 3
"""Own reviews that make an author count toward the typical habit."""


class RatingModel:
    """Habits fitted on every review, and the reviews grouped by vendor, by voice and by author."""

    def __init__(
        self,
        n_people: int,
        n_items: int,
        authors: NDArray[np.integer],
        items: NDArray[np.integer],
        stars: NDArray[np.floating],
        *,
        recorders: NDArray[np.integer] | None = None,
        ages_days: NDArray[np.floating] | None = None,
        item_categories: NDArray[np.integer] | None = None,
        scale: tuple[float, float] = (1.0, 5.0),
        settings: RatingSettings | None = None,
    ):
        """``recorders`` says who typed each review: the author for their own, someone else for "Anna told me"
        (hearsay, which counts as the recorder's word); None means every review is its author's own."""
        self.settings = settings or RatingSettings()
        self.scale = scale
        self.n_people, self.n_items = n_people, n_items
        self.authors = np.asarray(authors, dtype=np.int64)
        self.items = np.asarray(items, dtype=np.int64)
        self.stars = np.asarray(stars, dtype=np.float64)
        self.voices = self.authors if recorders is None else np.asarray(recorders, dtype=np.int64)
        self.hearsay = np.flatnonzero(self.voices != self.authors)
        """Reviews recorded by someone other than their author."""
        ages = np.zeros(len(self.stars)) if ages_days is None else np.asarray(ages_days, dtype=np.float64)
        self.ages_days = ages
        self.age_factors = self.settings.age_factor(ages)
        categories = np.zeros(n_items, dtype=np.int64) if item_categories is None else np.asarray(item_categories)
        self.item_categories = categories.astype(np.int64)
        self.n_categories = int(self.item_categories.max()) + 1 if n_items else 1
        own: NDArray[np.bool_] = self.voices == self.authors
        self._own = own
        self.centre = (scale[0] + scale[1]) / 2.0
        own_counts = np.bincount(self.authors[own], minlength=n_people)
        own_sums = np.bincount(self.authors[own], self.stars[own] - self.centre, n_people)
        established = own_counts >= TYPICAL_HABIT_REVIEWS
        self.typical_habit = (
            float(np.median(own_sums[established] / own_counts[established])) if established.any() else 0.0
        )
        """The median habit of people with a few reviews of their own: where a person's level stands before they
        have said much (a median, so that accounts with one or two reviews, or fewer than half the established
        ones, cannot move it)."""
        shrinkage = self.settings.reviewer_shrinkage
        self.own_counts, self.own_sums = own_counts, own_sums
        self.habits = own_sums / (shrinkage + own_counts)
        """How far above the scale's centre each author's own reviews sit, shrunk toward none (hearsay excluded:
        someone else's record of my opinion says nothing about my habit). Only the author can move it."""
        self.levels = (own_sums + shrinkage * self.typical_habit) / (shrinkage + own_counts)
        """The same shrunk toward the typical habit: where each person's own ratings start (evaluation predicts
        the stars a viewer will give from it). Unlike ``habits`` it leans on everyone's, so it only ever sets
        where the whole scale starts, never how one vendor compares with another."""
        # Hearsay about someone who never reviewed anything themselves is read with its recorder's habit: it is the
        # recorder's word, in the recorder's way of giving stars.
        known = own_counts[self.authors] > 0
        self.review_habits = np.where(known, self.habits[self.authors], self.habits[self.voices])
        self.deviations = self.stars - self.centre - self.review_habits
        """Each review's verdict with its author's habit taken out."""
        limit = self.settings.pool_clip
        self.pooled_deviations = np.clip(self.deviations, -limit, limit)
        """The deviations as the like-minded and strangers' pools count them."""
        self._by_item, self._item_offsets = group(self.items, n_items)
        self._by_voice, self._voice_offsets = group(self.voices, n_people)
        self._by_author, self._author_offsets = group(self.authors, n_people)
        self._sampled_item, self._sampled_offsets = self._agreement_sample()
        self.review_counts = np.diff(self._item_offsets)
        weighted = self.age_factors * own
        self.own_weight_by_item = np.bincount(self.items, weighted, n_items)
        """Σ age factor over each vendor's own (not hearsay) reviews: strangers' share is this minus the rest."""
        self.own_deviation_by_item = np.bincount(self.items, weighted * self.pooled_deviations, n_items)
        self.own_weight_by_category = np.bincount(self.item_categories, self.own_weight_by_item, self.n_categories)
        self.own_deviation_by_category = np.bincount(
            self.item_categories, self.own_deviation_by_item, self.n_categories
        )
        self.superseded = np.zeros(len(self.stars), dtype=np.bool_)
        """Hearsay about an author who reviewed the same vendor themselves: their own word replaces it."""
        if len(self.hearsay):
            pairs = self.authors * np.int64(n_items) + self.items
            self.superseded[self.hearsay] = np.isin(pairs[self.hearsay], pairs[own])

    def _agreement_sample(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Each vendor's reviews in a fixed pseudo-random order of their authors, so that the first
        ``agreement_sample`` of them are a fair sample whoever wrote first."""
        key = (self.authors * 2654435761) % 4294967291
        order = np.lexsort((key, self.items)).astype(np.int64)
        offsets = np.zeros(self.n_items + 1, dtype=np.int64)
        np.cumsum(np.bincount(self.items, minlength=self.n_items), out=offsets[1:])
        return order, offsets

    def reviews_of(self, item: int) -> NDArray[np.int64]:
        return self._by_item[self._item_offsets[item] : self._item_offsets[item + 1]]

    def reviews_by(self, person: int) -> NDArray[np.int64]:
        """The reviews ``person`` wrote as author (their own, and what others recorded of them)."""
        return self._by_author[self._author_offsets[person] : self._author_offsets[person + 1]]

    def reviews_voiced_by(self, people: NDArray[np.int64]) -> NDArray[np.int64]:
        """Every review whose voice (recorder) is one of ``people``."""
        starts = self._voice_offsets[people]
        return self._by_voice[ranges(starts, self._voice_offsets[people + 1] - starts)]

    def own_reviews_by(self, person: int) -> NDArray[np.int64]:
        reviews = self.reviews_by(person)
        return reviews[self._own[reviews]]

    def agreement(self, viewer: int) -> NDArray[np.float64]:
        """How like-minded each person is with ``viewer``: the shrunk correlation of their deviations on the
        vendors both reviewed (their own reviews only; a sample of each vendor's reviewers), 0 for disagreement or
        nothing in common. At most 1 each; ``ranking.evidence`` bounds what all of them count together."""
        s = self.settings
        result = np.zeros(self.n_people)
        mine = self.own_reviews_by(viewer)
        if s.agreement_weight == 0 or len(mine) == 0:
            return result
        # Sparse throughout (no array as long as all vendors or all people but the result): evaluation asks this
        # once per user, so a per-viewer pass over everyone would make it quadratic.
        my_items = self.items[mine]
        order = np.argsort(my_items)
        my_items, my_deviations = my_items[order], self.deviations[mine][order]
        starts = self._sampled_offsets[my_items]
        counts = np.minimum(self._sampled_offsets[my_items + 1] - starts, s.agreement_sample)
        theirs = self._sampled_item[ranges(starts, counts)]
        theirs = theirs[(self.authors[theirs] != viewer) & self._own[theirs]]
        people, slots = np.unique(self.authors[theirs], return_inverse=True)
        own = my_deviations[np.searchsorted(my_items, self.items[theirs])]
        other = self.deviations[theirs]
        size = len(people)
        products = np.bincount(slots, own * other, size)
        denominator = np.sqrt(np.bincount(slots, own * own, size) * np.bincount(slots, other * other, size))
        common = np.bincount(slots, minlength=size)
        correlation = np.divide(products, denominator, out=np.zeros(size), where=denominator > 0)
        result[people] = np.maximum(correlation * common / (common + s.agreement_shrinkage), 0.0)
        return result
