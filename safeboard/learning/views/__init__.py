"""Views split by page family and by who uses them: the catalogue (everyone), managing the
offer (the training team), booking and a learner's own training, attendance (trainers),
evaluation and certificates (attendees), charges (the training team and agency leads)."""
