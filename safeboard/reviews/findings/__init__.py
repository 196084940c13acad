"""A review's findings and recommendations, and the actions on the spine that answer them."""
