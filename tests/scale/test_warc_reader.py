"""WARC files (plain and gzipped) give one Document per archived article and skip the rest."""

from __future__ import annotations

from datetime import date

import pytest
from warcs import http_response, page, record, write_warc

from claimgraph.model import Document
from claimgraph.sources import InputError, read_file, read_paths

STORY = [
    "A grenade was thrown into a bus station in Eastfield on Monday, wounding twelve people, police said.",
    "The Coastal Front claimed the attack in a message to local reporters on Tuesday.",
]


def _crawl() -> list[bytes]:
    return [
        record("warcinfo", "", b"software: test-crawler\r\n", "application/warc-fields"),
        record("request", "https://news.example/a", b"GET /a HTTP/1.1\r\n\r\n", "application/http"),
        http_response("https://news.example/a", page("Grenade attack in Eastfield", STORY, "2024-04-08")),
        http_response("https://news.example/old", "<html>moved</html>", status="301 Moved Permanently"),
        http_response("https://news.example/logo.png", "\x89PNG", mime="image/png"),
        record("resource", "file:///notes.txt", " ".join(STORY[::-1]).encode(), "text/plain"),
        http_response("https://news.example/empty", "<html><body></body></html>"),
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_articles_are_read_and_other_records_skipped(tmp_path, name):
    path = write_warc(tmp_path / name, _crawl())
    items = list(read_paths([tmp_path]))  # found by a folder walk too
    docs = [i for i in items if isinstance(i, Document)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert len(docs) == 2
    article, note = docs
    assert article.title == "Grenade attack in Eastfield" and article.published == date(2024, 4, 8)
    assert article.url == "https://news.example/a" and "Coastal Front claimed" in article.text
    assert article.path.startswith(f"{path}#") and note.url == "file:///notes.txt"
    assert note.text.startswith("The Coastal Front")
    assert len(errors) == 1 and errors[0].endswith("no article text found in the page")


def test_published_given_wins(tmp_path):
    path = write_warc(tmp_path / "c.warc", _crawl()[:3])
    [doc] = read_file(path, published=date(2024, 4, 9))
    assert doc.published == date(2024, 4, 9)


def test_not_a_warc_is_one_error(tmp_path):
    bad = tmp_path / "bad.warc"
    bad.write_text("this is not an archive\n")
    with pytest.raises(InputError, match="bad.warc: not a readable WARC file"):
        read_file(bad)
