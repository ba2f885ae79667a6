"""The pages in a real browser: Debian's chromium driven by Playwright, against uvicorn on loopback."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-browser", pytrace=False)
    pytest.skip(f"{CHROMIUM} is missing (run scripts/install-browser)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(app):
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture
def page(tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport={"width": 1400, "height": 1000},
        )  # fmt: skip
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        yield page
        context.close()
        assert not errors, errors  # a CSP violation or a script error shows up here


def test_incident_board_span_and_ach_edit_in_chromium(server, page, tmp_path):
    page.goto(f"{server}/incidents?q=Mogadishu")
    page.screenshot(path=tmp_path / "incidents.png", full_page=True)
    page.click("text=open")
    page.wait_for_selector("#board")
    assert "al-Shabaab" in page.inner_text("#board")
    assert "claimed" in page.inner_text("#board .candidate")
    page.screenshot(path=tmp_path / "incident.png", full_page=True)

    # the ACH matrix: change a cell, the page saves it; after a reload it is still there, marked as set
    select = page.locator("form.ach-form select").first
    name = select.get_attribute("name")
    new = "neutral" if select.input_value() != "neutral" else "inconsistent"
    with page.expect_navigation():
        select.select_option(new)
    page.reload()
    saved = page.locator(f'select[name="{name}"]')
    assert saved.input_value() == new
    assert page.locator(f'td.edited select[name="{name}"]').count() == 1
    page.screenshot(path=tmp_path / "incident-ach.png", full_page=True)

    # a document: the statement evidence is highlighted by source kind; clicking shows the statement
    page.locator("a.evidence").first.click()
    page.wait_for_selector(".article .st")
    span = page.locator(".article .st[data-st]").first
    assert "k-" in (span.get_attribute("class") or "")
    span.click()
    panel = page.inner_text("#statement-panel")
    assert "certainty" in panel and "source" in panel
    assert page.locator("#mark").count() == 1  # the linked sentence is marked
    page.screenshot(path=tmp_path / "document.png", full_page=True)

    page.goto(f"{server}/actor/al_shabaab")
    page.wait_for_selector("svg.graph")
    page.screenshot(path=tmp_path / "actor.png", full_page=True)
    page.goto(f"{server}/add")
    page.screenshot(path=tmp_path / "add.png", full_page=True)
    for name in ("incidents", "incident", "incident-ach", "document", "actor", "add"):
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000
