"""Everything that speaks Cypher: driver lifecycle, migrations, repositories."""
