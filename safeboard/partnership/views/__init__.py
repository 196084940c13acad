"""The partnership's pages, one module per subject: agencies, people, groups, induction, handbook."""
