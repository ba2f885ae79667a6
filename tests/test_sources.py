"""Readers: every format to Document, and every kind of bad input to a one-line InputError."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimgraph.model import document_id
from claimgraph.sources import MAX_BYTES, InputError, document_from_text, read_file, read_paths
from claimgraph.sources.html import extract_page, extract_page_stdlib
from claimgraph.sources.language import english_share, looks_english
from claimgraph.sources.metadata import find_published, find_title, parse_date

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_053498975a32bbae.txt"

BODY = (
    "A roadside bomb struck a police convoy on the highway north of the city on Monday, killing four "
    "officers and wounding six others, a provincial spokesman said. No group has claimed the attack, "
    "but officials blamed a local militant faction that has been active in the hills for years."
)
FRENCH = (
    "Une voiture piégée a explosé mardi devant la préfecture, faisant au moins douze morts selon les "
    "autorités locales. Aucun groupe n'a encore revendiqué l'attentat, mais le ministre a affirmé que "
    "les enquêteurs privilégiaient la piste d'une cellule liée à un mouvement armé de la région."
)
SPANISH = (
    "Un coche bomba estalló el martes frente a la sede del gobierno provincial y causó al menos doce "
    "muertos, según las autoridades. Ningún grupo ha reivindicado todavía el atentado, aunque el ministro "
    "afirmó que los investigadores siguen la pista de una célula vinculada a un movimiento armado."
)
GERMAN = (
    "Eine Autobombe ist am Dienstag vor dem Sitz der Provinzregierung explodiert und hat nach Angaben "
    "der Behörden mindestens zwölf Menschen getötet. Bislang hat sich keine Gruppe zu dem Anschlag "
    "bekannt, doch der Innenminister sagte, die Ermittler gingen einer Spur zu einer Zelle nach."
)
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Car bomb kills nine near river port - The Harbour Courier</title>
<link rel="canonical" href="https://courier.example.org/world/car-bomb">
<meta property="og:site_name" content="The Harbour Courier">
<meta property="og:title" content="Car bomb kills nine near river port">
<meta property="article:published_time" content="2021-05-04T08:15:00+00:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe to our newsletter today</nav>
<main><article>
<h1>Car bomb kills nine near river port</h1>
<p>A car packed with explosives blew up outside a customs office near the river port on Tuesday,
killing at least nine people and wounding more than twenty, the provincial police chief said.</p>
<p>No group has claimed responsibility for the blast so far. A spokesman for the interior ministry
told reporters that investigators suspected a local militant cell, but he gave no evidence.</p>
</article></main>
<aside>Most read: ten recipes for the summer</aside>
<footer><p>Copyright 2021 The Harbour Courier. All rights reserved.</p></footer>
</body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def reason(exc_info: pytest.ExceptionInfo[InputError]) -> str:
    return exc_info.value.reason


# --- plain text ---------------------------------------------------------------------------


def test_text_is_kept_exactly_only_crlf_normalised(tmp_path: Path) -> None:
    raw = "\n   " + BODY.replace(". ", ".\r\n\r\n  ", 1) + "  \r\n\n\n"
    doc = read_file(write(tmp_path / "a.txt", raw))[0]
    assert doc.text == raw.replace("\r\n", "\n")
    assert doc.id == document_id(doc.text)
    assert doc.path == str(tmp_path / "a.txt")
    assert doc.language == "en"
    assert doc.title is None and doc.published is None  # nothing invented from the body


def test_utf8_bom_is_dropped_and_md_and_bare_names_are_text(tmp_path: Path) -> None:
    assert read_file(write(tmp_path / "a.md", b"\xef\xbb\xbf" + BODY.encode()))[0].text == BODY
    assert read_file(write(tmp_path / "NOTES", BODY))[0].text == BODY
    assert read_file(write(tmp_path / "a.text", BODY))[0].text == BODY


def test_date_token_then_title_line(tmp_path: Path) -> None:
    raw = f"date 2023-11-02\nConvoy ambushed on northern highway\n\n{BODY}\n"
    doc = read_file(write(tmp_path / "a.txt", raw))[0]
    assert doc.published == date(2023, 11, 2)
    assert doc.title == "Convoy ambushed on northern highway"
    assert doc.text == raw


def test_date_token_with_body_on_same_line_gives_no_title() -> None:
    doc = document_from_text(f" date 2022-03-07 {BODY}\n\nSecond paragraph of the report follows here.")
    assert doc.published == date(2022, 3, 7)
    assert doc.title is None


def test_long_or_sentence_line_after_date_is_not_a_title() -> None:
    assert find_title(f"date 2020-01-01\n{BODY}") is None
    assert find_title("date 2020-01-01\nFour officers were killed.\n\nBody.") is None
    assert find_title("Convoy ambushed\n\n" + BODY) is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("SAN SALVADOR, 3 JAN 90 (ACAN-EFE) -- [TEXT] ", date(1990, 1, 3)),
        ("LIMA, 12 FEB 91 (EFE) -- ", date(1991, 2, 12)),
        ("   BOGOTA, 2 SEP 89 (RADIO CADENA NACIONAL) -- ", date(1989, 9, 2)),
        ("SANTIAGO, 5 JAN 90 -- [EXCERPTS] ", date(1990, 1, 5)),
        ("PERTH (AUSTRALIA), JUNE 11 89 (AFP) -- ", date(1989, 6, 11)),
        ("KABUL, 26 AUG 21 (XYZ) -- ", date(2021, 8, 26)),
        ("SAN SALVADOR, NO DATE (DOMESTIC SERVICE) -- ", None),
        ("HUANCAYO, 12 NOV (EFE) -- ", None),  # no year: no date rather than a guess
    ],
)
def test_wire_datelines(head: str, expected: date | None) -> None:
    assert find_published(head + BODY.upper()) == expected


def test_published_line_in_first_lines_only() -> None:
    top = f"Convoy ambushed\nBy A. Writer\nPublished: 7 March 2022\n\n{BODY}"
    assert find_published(top) == date(2022, 3, 7)
    assert find_published(f"Title\nPosted on March 8, 2022 10:15\n{BODY}") == date(2022, 3, 8)
    late = "\n".join(["line"] * 6) + "\nPublished: 7 March 2022\n" + BODY
    assert find_published(late) is None


def test_parse_date_forms() -> None:
    assert parse_date("2022-03-07T10:00:00Z") == date(2022, 3, 7)
    assert parse_date("Monday, 7 March 2022") == date(2022, 3, 7)
    assert parse_date("Sept 4, 2021") == date(2021, 9, 4)
    assert parse_date("3 JAN 99") == date(1999, 1, 3)
    assert parse_date("31 February 2022") is None
    assert parse_date("soon") is None


def test_explicit_published_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", f"date 2023-11-02\nConvoy ambushed\n\n{BODY}")
    assert read_file(path, published=date(2024, 1, 1))[0].published == date(2024, 1, 1)


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seeds")
def test_seed_article() -> None:
    doc = read_file(SEED)[0]
    assert doc.text == SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert doc.published == date(2022, 3, 7)
    assert doc.title is None
    assert doc.id == document_id(doc.text)


# --- HTML ---------------------------------------------------------------------------------


def _check_page(text: str) -> None:
    assert "customs office near the river port" in text
    assert "gave no evidence" in text
    for boilerplate in ("Subscribe", "recipes", "Copyright"):
        assert boilerplate not in text


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    doc = read_file(write(tmp_path / "page.html", PAGE))[0]
    _check_page(doc.text)
    assert doc.title == "Car bomb kills nine near river port"
    assert doc.published == date(2021, 5, 4)
    assert doc.url == "https://courier.example.org/world/car-bomb"
    assert doc.outlet == "The Harbour Courier"
    assert doc.id == document_id(doc.text)
    assert read_file(tmp_path / "page.html", published=date(2021, 6, 1))[0].published == date(2021, 6, 1)


def test_html_standard_library_fallback_reads_the_same_page() -> None:
    page = extract_page_stdlib(PAGE)
    _check_page(page.text)
    assert (page.title, page.published, page.outlet) == (
        "Car bomb kills nine near river port",
        date(2021, 5, 4),
        "The Harbour Courier",
    )
    assert page.url == extract_page(PAGE).url


def test_html_declared_charset_and_page_without_text(tmp_path: Path) -> None:
    latin = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("Tuesday", "Tuesday (café)")
    doc = read_file(write(tmp_path / "latin.htm", latin.encode("latin-1")))[0]
    assert "café" in doc.text
    with pytest.raises(InputError) as e:
        read_file(write(tmp_path / "empty.html", "<html><head><title>x</title></head><body></body></html>"))
    assert reason(e) == "no article text found in the page"


# --- JSONL and CSV ------------------------------------------------------------------------


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": "a1", "text": BODY, "published": "2021-02-03", "title": "T", "url": "u", "outlet": "O"}
        ),
        json.dumps({"id": "a2", "text": BODY.replace("four", "five"), "published": None}),
        '{"id": "a3", "text": ',
        "",
        json.dumps({"id": "a4", "text": "  "}),
        json.dumps({"id": "a5", "text": FRENCH}),
        json.dumps(["not", "an", "object"]),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    items = list(read_paths([path]))
    first, second = items[0], items[1]
    assert first.path == f"{path}#a1" and first.id == document_id(BODY)
    assert (first.title, first.url, first.outlet, first.published) == ("T", "u", "O", date(2021, 2, 3))
    assert second.path == f"{path}#a2" and second.published is None
    errors = [str(i) for i in items[2:]]
    assert errors[0].startswith(f"{path}:3: not JSON (")
    assert errors[1] == f"{path}:5: line 5: no text"
    assert errors[2] == f"{path}:6: line 6: not English (looks like another language)"
    assert errors[3] == f"{path}:7: not a JSON object"
    assert len(items) == 6
    with pytest.raises(InputError) as e:  # read_file is strict: the first bad record raises
        read_file(path)
    assert e.value.path == f"{path}:3"
    docs = list(read_paths([path], published=date(2020, 5, 5)))
    assert docs[0].published == date(2020, 5, 5)


def test_csv_rows(tmp_path: Path) -> None:
    multiline = BODY.replace(". ", ".\n", 1)
    raw = (
        "ID,Text,Title,Published,URL,Outlet\n"
        f'x1,"{multiline}",Convoy ambushed,7 March 2022,https://e.org/1,Daily\n'
        "x2,,No text here,,,\n"
        f'x3,"{BODY}",,someday,,\n'
    )
    path = write(tmp_path / "rows.csv", raw)
    items = list(read_paths([path]))
    doc = items[0]
    assert doc.text == multiline and doc.path == f"{path}#x1"
    assert (doc.title, doc.published, doc.url, doc.outlet) == (
        "Convoy ambushed",
        date(2022, 3, 7),
        "https://e.org/1",
        "Daily",
    )
    assert str(items[1]) == f"{path}:3: row 3: no text"
    assert str(items[2]) == f"{path}:4: row 4: cannot read published date 'someday'"
    with pytest.raises(InputError) as e:
        read_file(write(tmp_path / "bad.csv", "title,body\nx,y\n"))
    assert reason(e) == "no 'text' column in the CSV header"


# --- bad input ----------------------------------------------------------------------------


def test_input_error_is_one_line() -> None:
    e = InputError("a/b.txt", "cannot read\n(something)")
    assert (e.path, str(e)) == ("a/b.txt", "a/b.txt: cannot read (something)")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        read_file(tmp_path / "nope.txt")
    assert str(e.value) == f"{tmp_path / 'nope.txt'}: no such file"


def test_folder_without_text_files(tmp_path: Path) -> None:
    write(tmp_path / "d" / "picture.png", b"\x89PNG\r\n")
    write(tmp_path / "d" / ".hidden.txt", BODY)
    assert [str(i) for i in read_paths([tmp_path / "d"])] == [f"{tmp_path / 'd'}: no text files found"]


@pytest.mark.parametrize(
    "content",
    [b"some text\x00\x01\x02 and more", b"%PDF-1.7\n1 0 obj << >> endobj\n", b"PK\x03\x04rest-of-zip"],
)
def test_binary_files(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(InputError) as e:
        read_file(write(tmp_path / "x.txt", content))
    assert reason(e) == "binary file, not text"


def test_invalid_utf8_names_byte_and_offset(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        read_file(write(tmp_path / "x.txt", b"Caf\xe9 owner said the attack began at noon."))
    assert reason(e) == "not valid UTF-8 (byte 0xe9 at offset 3)"
    with pytest.raises(InputError) as e:
        read_file(write(tmp_path / "y.txt", "a report".encode("utf-16")))
    assert reason(e).startswith("not valid UTF-8")


@pytest.mark.parametrize("content", ["", "   \n\t\r\n  "])
def test_empty_files(tmp_path: Path, content: str) -> None:
    with pytest.raises(InputError) as e:
        read_file(write(tmp_path / "x.txt", content))
    assert reason(e) == "empty file"


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        f.write(BODY.encode())
        f.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written
    assert MAX_BYTES == 20 * 1024 * 1024
    with pytest.raises(InputError) as e:
        read_file(path)
    assert reason(e) == "file too large (52.4 MB > 20 MB limit)"


@pytest.mark.parametrize("foreign", [FRENCH, SPANISH, GERMAN])
def test_not_english(tmp_path: Path, foreign: str) -> None:
    with pytest.raises(InputError) as e:
        read_file(write(tmp_path / "x.txt", foreign))
    assert reason(e) == "not English (looks like another language)"


def test_english_heuristic_upper_case_and_short_texts() -> None:
    assert looks_english(BODY) and looks_english(BODY.upper())
    assert looks_english("Explosión en Quetta")  # too short to judge: let through
    assert english_share(BODY)[0] > 3 * max(english_share(t)[0] for t in (FRENCH, SPANISH, GERMAN))


def _lines(path: Path, limit: int) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [line for _, line in zip(range(limit), f, strict=False)]


@pytest.mark.skipif(not (SHARED / "data").exists(), reason="needs ../shared/data")
def test_real_english_corpora_pass() -> None:
    muc = [json.loads(line)["text"] for line in _lines(SHARED / "data" / "muc4" / "dev.jsonl", 2000)]
    satp = [line.split("\t")[0] for line in _lines(SHARED / "data" / "satp" / "dev.tsv", 2000)]
    assert any(t.isupper() for t in muc)  # the ALL CAPS wires with Spanish names are in there
    refused = [t[:80] for t in muc + satp if not looks_english(t)]
    assert refused == []
    assert len(muc) > 1000 and len(satp) > 100


# --- batches ------------------------------------------------------------------------------


def test_read_paths_walks_sorted_skips_hidden_and_unknown_and_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "b.txt", BODY)
    write(root / "a" / "z.md", BODY.replace("four", "three"))
    write(root / "a" / "empty.txt", "")
    write(root / "c.jsonl", json.dumps({"id": "j", "text": BODY.replace("four", "two")}) + "\n")
    write(root / ".git" / "x.txt", BODY)
    write(root / ".x.txt", BODY)
    write(root / "photo.jpg", b"\xff\xd8\xff\xe0")
    write(root / "notes.log", BODY)
    items = list(read_paths([root, tmp_path / "missing.txt", root / "photo.jpg"]))
    got = [str(i) if isinstance(i, InputError) else i.path for i in items]
    assert got == [
        f"{root / 'a' / 'empty.txt'}: empty file",
        str(root / "a" / "z.md"),
        str(root / "b.txt"),
        f"{root / 'c.jsonl'}#j",
        f"{tmp_path / 'missing.txt'}: no such file",
        f"{root / 'photo.jpg'}: binary file, not text",
    ]


def test_explicit_file_of_unknown_type_is_read_as_text(tmp_path: Path) -> None:
    assert read_file(write(tmp_path / "notes.log", BODY))[0].text == BODY


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("Gunmen abduct students\n\nABUJA, Nigeria, June 17, 2021 (Reuters) - ", date(2021, 6, 17)),
        ("Blast at mosque\n\nKABUL, Afghanistan (AP) — October 8, 2021 — ", date(2021, 10, 8)),
        ("Clashes in Beirut\n\nBEIRUT, Oct 15, 2021 - ", date(2021, 10, 15)),
        ("PESHAWAR, Pakistan, 3 March 2023 (AFP) -- ", date(2023, 3, 3)),
        ("Attack on base\n\nKANO, Nigeria, March 14 (Reuters) - ", None),  # no year: no guess
        ("Attack on base\n\nOfficials said on March 14, 2021 - a Sunday - that ", None),  # not a dateline
    ],
)
def test_todays_datelines_under_a_headline(top: str, expected: date | None) -> None:
    """Today's wire copy: a headline, then the dateline, with a country after the city and any dash."""
    assert find_published(top + BODY) == expected
