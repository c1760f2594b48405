"""One repository per label (agency.py ... topic.py, `registry.REPOSITORIES`), and the read
compiler they share: filters, paging, projections, the records they return, and the plans
that load a page with every relationship page under it in one statement.

This package module stays empty: importing a record type must not import every repository.
"""
