"""Everything that speaks Cypher, grouped by concern (see README "Folder map")."""
