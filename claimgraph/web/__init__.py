"""The analyst's web app: server-rendered pages with a JSON twin each, and a JSON API under /api/.

Only this package speaks HTTP; it reads and writes through the Ledger like the command line does.
"""

from claimgraph.web.app import create_app

__all__ = ["create_app"]
