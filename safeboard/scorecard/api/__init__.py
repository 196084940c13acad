"""The scorecard's API for agencies' systems: who is calling (auth), their tokens, the endpoints,
and the page where a data contact holds their tokens."""
