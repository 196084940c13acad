"""The case as a whole: who may see which cases, the list, a review's page, its steps and their
reminders."""
