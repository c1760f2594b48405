"""Loading many rows at once: seed and synthetic graphs in bulk, and imported documents."""
