"""Whole-graph analytics (centrality, communities, exports) computed in-process with networkx
and igraph over projections that `graph.network.projections` reads in one aggregated query."""
