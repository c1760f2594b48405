"""`python -m bench` runs bench/run.py's main (see bench/README.md)."""

from __future__ import annotations

from bench.run import main

raise SystemExit(main())
