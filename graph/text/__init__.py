"""Text: full-text search, snippets, name keys and spelling variants, mentions, suggestions,
and taking personal contacts out of stored text."""
