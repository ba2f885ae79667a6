"""The pure readers that ``extract.py`` composes: quotes, speakers, attributions, incidents, statements.

Each takes an annotated spaCy Doc (see ``claimgraph.nlp``) and returns plain records; none does I/O.
"""
