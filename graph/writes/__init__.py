"""Writes: validated create/update/delete of nodes and link/unlink of relationships.

Import from the submodules (`graph.writes.executor`, `graph.writes.operations`...); this
package module stays empty so that graph/auditing/trail.py can use `graph.writes.principal` without
an import cycle.
"""
