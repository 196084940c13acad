"""Views split by who uses them: reading (the partnership team) and managing (the business
manager keeping the plan, and a priority's lead recording its review)."""
