"""The planned read path: known queries answered with one Cypher statement per root field."""

from schema.planned.executor import PlannedReads

__all__ = ["PlannedReads"]
