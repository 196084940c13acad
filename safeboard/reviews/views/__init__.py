"""Case review pages, split by what they do: the framework table, referral and the list, a
review's page, the decision, the conduct of the review, its documents and the access log.
The pages of the review's learning (findings, recommendations, briefings, search) sit beside
them."""
