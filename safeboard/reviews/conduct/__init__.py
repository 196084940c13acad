"""The conduct of a review once one is held: set-up, team, contributions, events, milestones,
reports, publication and grade."""
