"""Learning and training."""
