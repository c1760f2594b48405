"""`where` and `orderBy` inputs, and their translation into `graph.repositories.filters`
predicates."""
