"""GraphQL side of the network questions: generic graph types, their resolvers, `NetworkQuery`."""
