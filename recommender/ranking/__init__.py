"""Ranking: the rating model, the score that joins rating and distance, and explanations that add up."""
