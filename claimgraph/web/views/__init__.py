"""One module per kind of page; each serves the HTML page, its ``.json`` twin and its ``/api/`` route."""
