"""Network questions over the graph: paths, neighbourhoods, partners, cascades, timelines.

Every module here holds its Cypher as constants and returns frozen records from
`graph.network.results`; the analytics that need a whole projection live in `graph.analytics`.
"""
