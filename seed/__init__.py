"""Seed data for the hub: facts drawn from the source documents, and the parsers they need.

The source documents are Moodle pages with `{mlang xx}` markup and figures written the way
people type them ("EUR 40, 1 million"), so the seed carries its own small parsers rather than
trusting ad-hoc string handling in the loader.
"""
