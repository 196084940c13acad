"""Forms of learning and training, one module per page family; each parses input for one
service or selector."""
