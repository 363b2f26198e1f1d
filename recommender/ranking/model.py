"""The rating model: what the crowd says of a vendor, corrected by what the people I trust say.

A review's stars are read against what its author would be expected to give: the overall mean, plus the
author's habit (some people give five stars to everything), plus the vendor's reputation among everyone. The
vendor's baseline is ``mean + vendor bias``, with the bias shrunk toward its category's average so that a vendor
with two reviews is not judged on them alone. Then each reviewer pulls the estimate by their surprise
(stars minus expected) weighted by how much I trust them and how recent the review is, against a fixed
pseudo-weight for the baseline:

    rating = mean + vendor_bias [+ my_bias] + Σ wᵢ·aᵢ·(starsᵢ − expectedᵢ) / (k + Σ wᵢ·aᵢ)

Every term is a named number, so the explanation of a rating lists the baseline and each reviewer's pull and
adds up exactly. The same model predicts held-out ratings in ``grapevine eval`` and ranks vendors in the app.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from recommender.arrays import group, ranges


@dataclass(frozen=True, slots=True)
class RatingSettings:
    """Regularisation and decay. Defaults were chosen by cross-validation on FilmTrust (folds of seed 7, not the
    seed-1 folds reported) and on the Yelp places' tune split (never its test split); see the README."""

    vendor_shrinkage: float = 10.0
    """Pseudo-reviews pulling a vendor's bias toward its category's average."""
    reviewer_shrinkage: float = 3.0
    """Pseudo-reviews pulling a reviewer's habit toward nobody's."""
    category_shrinkage: float = 20.0
    network_shrinkage: float = 3.0
    """k: how much weight of trusted evidence it takes to move halfway from the baseline."""
    half_life_days: float = 730.0
    """A review this old counts half as much as one written today."""
    bias_iterations: int = 8
    agreement_weight: float = 1.0
    """How much a like-minded stranger can count (0 turns it off): someone whose surprises matched mine."""
    agreement_shrinkage: float = 5.0
    """Pseudo-vendors of no agreement: two vendors in common is weak evidence of shared taste."""

    def age_factor(self, ages_days: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.power(0.5, np.maximum(ages_days, 0.0) / self.half_life_days)


@dataclass(frozen=True, slots=True)
class RatingTerms:
    """The named numbers behind one rating; ``value`` is exactly what they add up to (then clipped)."""

    global_mean: float
    vendor_bias: float
    viewer_bias: float
    network_shrinkage: float
    reviews: NDArray[np.int64]
    """Indices of the vendor's reviews, in the model's review arrays."""
    weights: NDArray[np.float64]
    age_factors: NDArray[np.float64]
    surprises: NDArray[np.float64]

    @property
    def baseline(self) -> float:
        return self.global_mean + self.vendor_bias + self.viewer_bias

    @property
    def network_pull(self) -> float:
        effective = self.weights * self.age_factors
        return float(np.dot(effective, self.surprises) / (self.network_shrinkage + effective.sum()))

    def value(self, low: float, high: float) -> float:
        return float(np.clip(self.baseline + self.network_pull, low, high))


class RatingModel:
    """Baselines fitted on every review, and the reviews grouped by vendor for trust-weighted sums."""

    def __init__(
        self,
        n_people: int,
        n_items: int,
        authors: NDArray[np.integer],
        items: NDArray[np.integer],
        stars: NDArray[np.floating],
        *,
        ages_days: NDArray[np.floating] | None = None,
        item_categories: NDArray[np.integer] | None = None,
        scale: tuple[float, float] = (1.0, 5.0),
        settings: RatingSettings | None = None,
    ):
        self.settings = settings or RatingSettings()
        self.scale = scale
        self.n_people, self.n_items = n_people, n_items
        self.authors = np.asarray(authors, dtype=np.int64)
        self.items = np.asarray(items, dtype=np.int64)
        self.stars = np.asarray(stars, dtype=np.float64)
        ages = np.zeros(len(self.stars)) if ages_days is None else np.asarray(ages_days, dtype=np.float64)
        self.ages_days = ages
        self.age_factors = self.settings.age_factor(ages)
        categories = np.zeros(n_items, dtype=np.int64) if item_categories is None else np.asarray(item_categories)
        self.item_categories = categories.astype(np.int64)
        self._fit_biases()
        self.surprises = self.stars - self.expected_many(self.authors, self.items)
        self._by_item, self._item_offsets = group(self.items, n_items)
        self._by_author, self._author_offsets = group(self.authors, n_people)
        self.review_counts = np.diff(self._item_offsets)

    def _fit_biases(self) -> None:
        """Alternating least squares on the two bias vectors; each step is a closed-form shrunk mean."""
        s = self.settings
        self.global_mean = float(self.stars.mean()) if len(self.stars) else float(np.mean(self.scale))
        n_categories = int(self.item_categories.max()) + 1 if self.n_items else 1
        review_categories = self.item_categories[self.items] if len(self.items) else self.items
        item_counts = np.bincount(self.items, minlength=self.n_items)
        person_counts = np.bincount(self.authors, minlength=self.n_people)
        category_counts = np.bincount(review_categories, minlength=n_categories)
        self.person_bias = np.zeros(self.n_people)
        self.item_bias = np.zeros(self.n_items)
        self.category_bias = np.zeros(n_categories)
        for _ in range(s.bias_iterations):
            without_people = self.stars - self.global_mean - self.person_bias[self.authors]
            self.category_bias = np.bincount(review_categories, without_people, n_categories) / (
                s.category_shrinkage + category_counts
            )
            prior = self.category_bias[self.item_categories]
            self.item_bias = (np.bincount(self.items, without_people, self.n_items) + s.vendor_shrinkage * prior) / (
                s.vendor_shrinkage + item_counts
            )
            without_items = self.stars - self.global_mean - self.item_bias[self.items]
            self.person_bias = np.bincount(self.authors, without_items, self.n_people) / (
                s.reviewer_shrinkage + person_counts
            )

    def expected_many(self, people: NDArray[np.int64], items: NDArray[np.int64]) -> NDArray[np.float64]:
        """What each person would be expected to give each item, before anyone's word is heard."""
        return self.global_mean + self.person_bias[people] + self.item_bias[items]

    def reviews_of(self, item: int) -> NDArray[np.int64]:
        return self._by_item[self._item_offsets[item] : self._item_offsets[item + 1]]

    def reviews_by(self, person: int) -> NDArray[np.int64]:
        return self._by_author[self._author_offsets[person] : self._author_offsets[person + 1]]

    def agreement(self, viewer: int) -> NDArray[np.float64]:
        """How like-minded each person is with ``viewer``: the shrunk correlation of their surprises on the
        vendors both reviewed, times ``agreement_weight``; 0 for disagreement or nothing in common."""
        s = self.settings
        result = np.zeros(self.n_people)
        mine = self.reviews_by(viewer)
        if s.agreement_weight == 0 or len(mine) == 0:
            return result
        my_surprise = np.zeros(self.n_items)
        my_surprise[self.items[mine]] = self.surprises[mine]
        theirs = np.concatenate([self.reviews_of(int(item)) for item in self.items[mine]])
        theirs = theirs[self.authors[theirs] != viewer]
        people, own, other = self.authors[theirs], my_surprise[self.items[theirs]], self.surprises[theirs]
        products = np.bincount(people, own * other, self.n_people)
        own_squares = np.bincount(people, own * own, self.n_people)
        other_squares = np.bincount(people, other * other, self.n_people)
        common = np.bincount(people, minlength=self.n_people)
        denominator = np.sqrt(own_squares * other_squares)
        positive = denominator > 0
        result[positive] = products[positive] / denominator[positive]
        result *= common / (common + s.agreement_shrinkage)
        return np.maximum(result, 0.0) * s.agreement_weight

    def terms(self, item: int, weights: NDArray[np.float64], viewer: int | None = None) -> RatingTerms:
        """The rating of ``item`` as seen through ``weights`` (one per person), term by term."""
        reviews = self.reviews_of(item)
        return RatingTerms(
            global_mean=self.global_mean,
            vendor_bias=float(self.item_bias[item]),
            viewer_bias=float(self.person_bias[viewer]) if viewer is not None else 0.0,
            network_shrinkage=self.settings.network_shrinkage,
            reviews=reviews,
            weights=weights[self.authors[reviews]],
            age_factors=self.age_factors[reviews],
            surprises=self.surprises[reviews],
        )

    def predict(self, item: int, weights: NDArray[np.float64], viewer: int | None = None) -> float:
        return self.terms(item, weights, viewer).value(*self.scale)

    def network_sums(
        self, weights: NDArray[np.float64], items: NDArray[np.int64] | None = None
    ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Per item: Σ effective weight and Σ effective weight × surprise, over every review at once, or only
        over the reviews of ``items`` (the other items' sums are then left at 0)."""
        if items is None:
            reviews: NDArray[np.int64] | slice = slice(None)
        else:
            starts = self._item_offsets[items]
            reviews = self._by_item[ranges(starts, self._item_offsets[items + 1] - starts)]
        effective = weights[self.authors[reviews]] * self.age_factors[reviews]
        owners = self.items[reviews]
        return (
            np.bincount(owners, effective, self.n_items).astype(np.float64, copy=False),
            np.bincount(owners, effective * self.surprises[reviews], self.n_items).astype(np.float64, copy=False),
        )

    def ratings_from_sums(
        self,
        items: NDArray[np.int64],
        sums: tuple[NDArray[np.float64], NDArray[np.float64]],
        viewer: int | None = None,
    ) -> NDArray[np.float64]:
        """Ratings of many items from :meth:`network_sums`; equal to :meth:`predict` item by item."""
        weight_sums, pull_sums = sums
        viewer_bias = self.person_bias[viewer] if viewer is not None else 0.0
        pull = pull_sums[items] / (self.settings.network_shrinkage + weight_sums[items])
        low, high = self.scale
        return np.clip(self.global_mean + self.item_bias[items] + viewer_bias + pull, low, high)
