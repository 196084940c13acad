"""Full-text search of the findings and recommendations of the reviews a user may see."""
