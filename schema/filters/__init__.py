"""`where` and `orderBy` inputs, and their translation into `graph.filters` predicates."""
