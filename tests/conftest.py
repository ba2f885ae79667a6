"""Shared fixtures: one loaded pipeline for the whole session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def analyzer():
    from claimgraph.pipeline import Analyzer

    return Analyzer()
