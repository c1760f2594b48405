"""GraphQL object types: one module per entity, plus connections, nodes and texts.

Import `schema.all_entities` (not this package) to get every entity type registered.
"""
