"""Security: escaping, CSP, CSRF, upload limits, the operator token and the loopback rule."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from claimgraph.cli import app as cli_app
from claimgraph.web import create_app
from claimgraph.web.security import Csrf, check_bind, is_loopback

MOGADISHU = "a9f7a4b2"
HOSTILE = (
    "Gunmen attacked a police post in Mastung on Tuesday, killing four officers, police said. "
    "The Northern Front <script>alert('x')</script> claimed responsibility for the attack. "
    'A police spokesman said <img src=x onerror="alert(2)"> the group had carried out the raid.'
)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html)[1]


def add(client: TestClient, **fields) -> object:
    token = csrf_of(client.get("/add").text)
    files = fields.pop("files", None)
    return client.post("/add", data={"csrf": token, **fields}, files=files, follow_redirects=False)


def test_article_payloads_render_as_text(client):
    response = add(client, text=HOSTILE, published="2024-03-05", title='<img src=x onerror="alert(3)">')
    assert response.status_code == 303, response.text
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    html = page.text
    assert "<script>alert" not in html and "&lt;script&gt;alert(" in html
    assert "<img src=x" not in html and 'onerror="alert' not in html
    assert "&lt;img src=x onerror=&#34;alert(3)&#34;&gt;" in html  # the title
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;" in html
    assert "</script><script>" not in html  # the statements' JSON block cannot be closed from the text
    assert "<script>" not in client.get("/incidents?q=Mastung").text
    doc = client.get(response.headers["location"] + ".json").json()["document"]
    assert "<script>alert('x')</script>" in doc["text"]  # the JSON keeps the text as written


@pytest.mark.parametrize("url", ["/incidents", f"/incident/{MOGADISHU}.json", "/static/app.css", "/nowhere",
                                 "/api/openapi.json"])  # fmt: skip
def test_every_response_has_a_content_security_policy(client, url):
    headers = client.get(url).headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "'unsafe-inline'" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_forms_need_a_csrf_token_of_this_browser(client, app):
    url = f"/incident/{MOGADISHU}/ach"
    matrix = client.get(f"/api/incidents/{MOGADISHU}/ach").json()
    cell = f"cell:{matrix['rows'][0]['statement']}|other"
    assert client.post(url, data={cell: "consistent"}, follow_redirects=False).status_code == 403
    assert client.post(url, data={cell: "consistent", "csrf": "1.abc"}).status_code == 403
    foreign = app.state.csrf.token("someone-elses-nonce-1234")
    assert client.post(url, data={cell: "consistent", "csrf": foreign}).status_code == 403
    token = csrf_of(client.get(f"/incident/{MOGADISHU}").text)
    ok = client.post(url, data={cell: "consistent", "csrf": token}, follow_redirects=False)
    assert ok.status_code == 303
    assert client.get(f"/api/incidents/{MOGADISHU}/ach").json()["rows"][0]["cells"]["other"] == "consistent"


def test_csrf_tokens_expire_and_are_bound_to_the_nonce():
    csrf = Csrf(b"k" * 32, max_age=60)
    token = csrf.token("nonce-aaaaaaaaaaaaaaaa", now=1000)
    assert csrf.verify(token, "nonce-aaaaaaaaaaaaaaaa", now=1030)
    assert not csrf.verify(token, "nonce-aaaaaaaaaaaaaaaa", now=1100)
    assert not csrf.verify(token, "nonce-bbbbbbbbbbbbbbbb", now=1030)
    assert not Csrf(b"j" * 32).verify(token, "nonce-aaaaaaaaaaaaaaaa", now=1030)


def test_uploads_are_limited_in_type_and_size(client):
    pdf = add(client, files={"file": ("report.pdf", b"%PDF-1.4 ...", "application/pdf")})
    assert pdf.status_code == 415
    binary = add(client, files={"file": ("notes.txt", b"\x00\x01\x02binary", "text/plain")})
    assert binary.status_code == 400 and "binary" in binary.text
    huge = add(client, files={"file": ("big.txt", b"word " * 600_000, "text/plain")})
    assert huge.status_code == 413
    empty = add(client, text="   ")
    assert empty.status_code == 400 and "paste an article" in empty.text


def test_upload_of_a_text_file_is_analysed(client):
    response = add(
        client, files={"file": ("report.txt", HOSTILE.encode(), "text/plain")}, published="2024-03-05"
    )
    assert response.status_code == 303
    data = client.get(response.headers["location"] + ".json").json()
    assert data["document"]["published"] == "2024-03-05"
    assert any(s["relation"] == "claimed" for s in data["statements"])


def test_a_token_is_required_of_every_request_when_set(db_url):
    app = create_app(db_url, token="s3cret-token")
    with TestClient(app) as client:
        refused = client.get("/incidents")
        assert refused.status_code == 401 and "content-security-policy" in refused.headers
        assert client.get("/api/incidents", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert (
            client.get("/api/incidents", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
        )
        first = client.get("/incidents?token=s3cret-token")  # a browser: the token becomes a cookie
        assert first.status_code == 200
        assert client.get("/incidents").status_code == 200


def test_binding_beyond_loopback_needs_a_token():
    for host in ("127.0.0.1", "::1", "localhost", "127.0.0.2"):
        assert is_loopback(host)
        check_bind(host, None)
    for host in ("0.0.0.0", "192.168.1.10", "example.org"):
        assert not is_loopback(host)
        with pytest.raises(ValueError, match="token"):
            check_bind(host, None)
        check_bind(host, "a-token")


def test_serve_refuses_a_public_host_without_token(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMGRAPH_TOKEN", raising=False)
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0", "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 2
    assert "not a loopback address" in result.stderr and "Traceback" not in result.output
