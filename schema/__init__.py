"""The GraphQL schema: Strawberry types and resolvers, which reach Neo4j only through `graph/`."""
