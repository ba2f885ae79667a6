"""The command line: one-line errors, exit codes, idempotent ingestion, the JSON contract."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph import cli
from claimgraph.cli import app
from claimgraph.ledger import Ledger

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
needs_pipeline = pytest.mark.skipif(
    importlib.util.find_spec("claimgraph.pipeline") is None, reason="claimgraph.pipeline not written yet"
)
CONTRACT = {
    "documents": ["id", "title", "published", "url", "outlet"],
    "actors": ["id", "name", "kind", "aliases", "wikidata"],
    "incidents": [
        "id",
        "type",
        "date",
        "date_precision",
        "place",
        "attackers",
        "targets",
        "victims",
        "weapons",
        "killed",
        "wounded",
        "mentions",
    ],  # fmt: skip
    "attributions": ["id", "document", "kind", "source", "cue", "content"],
    "statements": [
        "id",
        "document",
        "start",
        "end",
        "sentence",
        "attribution",
        "source",
        "cue",
        "relation",
        "subject",
        "object",
        "polarity",
        "certainty",
        "quote",
    ],  # fmt: skip
}
# Our own short reports (never text from ../shared).
REPORT_A = (
    "Gunmen on motorcycles opened fire on a bus carrying pilgrims near Mastung on Tuesday, killing at least "
    "nine people and wounding 12 others, police said. The Northern Front claimed responsibility for the "
    "attack in a statement sent to reporters. A senior police officer, Imran Baloch, said the group had "
    "received weapons from across the border."
)
REPORT_B = (
    "A roadside bomb struck a military convoy in the Kurram district on Sunday, killing four soldiers. "
    "No group has claimed the attack. Security officials, speaking on condition of anonymity, said "
    "the Eastern Brigade was probably behind it. The Eastern Brigade denied any involvement."
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def one_error_line(result, *needles: str) -> str:
    """stderr is a single 'claimgraph: error: ...' line naming what went wrong; no traceback."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("claimgraph: error: ")
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0]
    return lines[0]


def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.db'}"


# -- bad input: no pipeline needed, the readers refuse before any analysis ------------


def test_missing_file(runner, tmp_path):
    missing = tmp_path / "nowhere.txt"
    result = runner.invoke(app, ["extract", str(missing)])
    assert result.exit_code == 2
    one_error_line(result, str(missing))
    assert result.stdout == ""


@pytest.mark.parametrize(
    "name, content",
    [
        ("empty.txt", b""),
        ("blank.txt", b"  \n\n \t\n"),
        ("binary.txt", bytes(range(256)) * 8),
        ("latin1.txt", "Un attentat à la bombe a tué neuf personnes à Quetta.".encode("latin-1")),
    ],
)
def test_unreadable_files_give_one_line_and_exit_2(runner, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    one_error_line(result, name)


def test_folder_without_text_exits_2(runner, tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = runner.invoke(app, ["analyze", str(folder), "--db", db_url(tmp_path)])
    assert result.exit_code == 2
    one_error_line(result, "photos")
    assert "0 read" in result.stdout


def test_batch_of_only_bad_files_lists_each_and_exits_2(runner, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00\x00binary\x00\x00")
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                 "--db", db_url(tmp_path)])  # fmt: skip
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and "a.txt" in errors[0] and "b.txt" in errors[1]
    assert "errors: 2" in result.stdout


def test_jsonl_with_only_bad_lines_exits_2(runner, tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"id": "x", "text": \n[1, 2]\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert all(line.startswith("claimgraph: error: ") for line in result.stderr.splitlines())
    assert "broken.jsonl:1: not JSON" in result.stderr
    assert "broken.jsonl:2: not a JSON object" in result.stderr


def test_bad_published_date(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(REPORT_A, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "7 March"])
    assert result.exit_code == 2
    one_error_line(result, "--published")


def test_read_commands_refuse_a_missing_or_bad_ledger(runner, tmp_path):
    missing = f"sqlite:///{tmp_path / 'typo.db'}"
    for args in (["incidents"], ["show", "abcdef12"], ["export"]):
        result = runner.invoke(app, [*args, "--db", missing])
        assert result.exit_code == 2
        one_error_line(result, "typo.db", "no ledger")
    assert not (tmp_path / "typo.db").exists()
    result = runner.invoke(app, ["incidents", "--db", "nosuchdb://x"])
    assert result.exit_code == 2
    one_error_line(result, "nosuchdb://x")


def test_empty_ledger_exports_the_contract(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    runner.invoke(app, ["analyze", str(tmp_path / "empty"), "--db", db_url(tmp_path)])  # creates the ledger
    result = runner.invoke(app, ["export", "--db", db_url(tmp_path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {key: [] for key in CONTRACT}
    result = runner.invoke(app, ["export", "--format", "csv", "--db", db_url(tmp_path)])
    assert result.stdout.splitlines() == [",".join(cli.CSV_COLUMNS)]
    result = runner.invoke(app, ["show", "abcdef12", "--db", db_url(tmp_path)])
    assert result.exit_code == 2
    one_error_line(result, "abcdef12", "no such incident")


# -- with the real pipeline ------------------------------------------------------------


def check_contract(data: dict) -> None:
    assert list(data) == list(CONTRACT)
    for key, fields in CONTRACT.items():
        for record in data[key]:
            assert list(record) == fields, key


@needs_pipeline
def test_extract_writes_the_json_contract(runner, tmp_path):
    path = tmp_path / "mastung.txt"
    path.write_text(REPORT_A, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "2023-09-13"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    check_contract(data)
    assert len(data["documents"]) == 1 and data["documents"][0]["published"] == "2023-09-13"


@needs_pipeline
def test_extract_jsonl_goes_on_past_a_bad_line(runner, tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"id": "wire-1", "text": REPORT_A, "published": "2023-09-13"}),
        '{"id": "wire-2", "text": "unterminated',
        json.dumps({"id": "wire-3", "text": REPORT_B, "published": "2023-10-02"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["wire-1", "wire-3"]
    assert list(out[0])[1:] == list(CONTRACT)
    one_error_line(result, "wire.jsonl:2", "not JSON")


@needs_pipeline
def test_analyze_twice_changes_nothing(runner, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "b.txt").write_text(REPORT_B, encoding="utf-8")
    args = ["analyze", str(folder), "--db", db_url(tmp_path), "--published", "2023-10-02"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "2 read, 2 new, 0 unchanged" in first.stdout
    counts = Ledger(db_url(tmp_path)).counts()
    assert counts["documents"] == 2
    second = runner.invoke(app, args)
    assert second.exit_code == 0
    assert "2 read, 0 new, 2 unchanged" in second.stdout
    assert Ledger(db_url(tmp_path)).counts() == counts


@needs_pipeline
def test_batch_with_a_bad_file_stores_the_good_one(runner, tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(REPORT_B, encoding="utf-8")
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["analyze", str(bad), str(good), "--db", db_url(tmp_path)])
    assert result.exit_code == 0, result.output
    one_error_line(result, "bad.txt")
    assert "1 read, 1 new" in result.stdout and "errors: 1" in result.stdout
    ledger = Ledger(db_url(tmp_path))
    (stored,) = ledger.documents()
    assert stored.text.startswith("A roadside bomb")


@needs_pipeline
def test_export_json_and_csv_and_show(runner, tmp_path):
    seed = sorted((SHARED / "seeds").glob("*.txt"))
    path = seed[0] if seed else tmp_path / "a.txt"
    if not seed:
        path.write_text(REPORT_A, encoding="utf-8")
    assert runner.invoke(app, ["analyze", str(path), "--db", db_url(tmp_path)]).exit_code == 0
    result = runner.invoke(app, ["export", "--format", "json", "--db", db_url(tmp_path)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    check_contract(data)
    target = tmp_path / "out.json"
    result = runner.invoke(app, ["export", "-o", str(target), "--db", db_url(tmp_path)])
    assert result.exit_code == 0 and json.loads(target.read_text(encoding="utf-8")) == data
    csv_out = runner.invoke(app, ["export", "--format", "csv", "--db", db_url(tmp_path)]).stdout
    assert csv_out.startswith("incident_id,date,country,place,type,killed_min")
    listing = runner.invoke(app, ["incidents", "--db", db_url(tmp_path)])
    assert listing.exit_code == 0 and "candidate perpetrators" in listing.stdout
    for incident in data["incidents"]:
        shown = runner.invoke(app, ["show", incident["id"][:8], "--db", db_url(tmp_path)])
        assert shown.exit_code == 0, shown.output
        assert incident["id"] in shown.stdout and "attribution board" in shown.stdout


@needs_pipeline
def test_demo_reports_on_the_bundled_corpus(runner, tmp_path, monkeypatch):
    corpus = tmp_path / "examples"
    corpus.mkdir()
    (corpus / "a.txt").write_text(REPORT_A, encoding="utf-8")
    monkeypatch.setattr(cli, "examples_dir", lambda: corpus)
    result = runner.invoke(app, ["demo", "--db", db_url(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 new" in result.stdout and "Incidents" in result.stdout


# -- one ledger across many articles ----------------------------------------------------------------


@pytest.fixture
def merged_ledger(tmp_path) -> str:
    from tests.test_ledger import mogadishu

    url = db_url(tmp_path)
    with Ledger(url) as ledger:
        for ex in mogadishu():
            ledger.store(ex)
    return url


def test_incidents_and_show_use_the_merged_incident(runner, merged_ledger):
    from tests.test_ledger import mogadishu

    first = mogadishu()[0].incidents[0].id
    listing = runner.invoke(app, ["incidents", "--db", merged_ledger])
    assert listing.exit_code == 0 and listing.stdout.count("Mogadishu") == 1
    assert "at least 41" in listing.stdout
    third = mogadishu()[2].incidents[0].id  # a later report's own id leads to the same incident
    shown = runner.invoke(app, ["show", third, "--db", merged_ledger])
    assert shown.exit_code == 0, shown.output
    assert first in shown.stdout and "casualty timeline" in shown.stdout
    for outlet in ("Horn Observer", "Tribune", "Chronicle"):
        assert outlet in shown.stdout
    assert "merged from 3 reports" in shown.stdout


def test_ach_table_csv_and_cell_edit(runner, merged_ledger):
    from tests.test_ledger import mogadishu

    inc = mogadishu()[0].incidents[0].id
    table = runner.invoke(app, ["ach", inc[:8], "--db", merged_ledger])
    assert table.exit_code == 0, table.output
    assert "least inconsistent first: Al Shabaab, other / unknown, Rival Faction" in table.stdout
    rows = runner.invoke(app, ["ach", inc, "--csv", "--db", merged_ledger]).stdout.splitlines()
    head = rows[0].split(",")
    assert set(head[-3:]) == {"al-shabaab", "rival-faction", "other"} and rows[-1].startswith("inconsistency")
    claim = next(r for r in rows if ",claimed," in r).split(",")[0]
    edit = runner.invoke(app, ["ach-cell", claim, "other", "neutral", "--by", "ana", "--db", merged_ledger])
    assert edit.exit_code == 0, edit.output
    after = runner.invoke(app, ["ach", inc, "--csv", "--db", merged_ledger]).stdout.splitlines()
    assert next(r for r in after if r.startswith(claim)).endswith(",neutral")
    bad = runner.invoke(app, ["ach-cell", claim, "other", "maybe", "--db", merged_ledger])
    assert bad.exit_code == 2
    one_error_line(bad, "maybe")
    missing = runner.invoke(app, ["ach", "ffffffff", "--db", merged_ledger])
    assert missing.exit_code == 2
    one_error_line(missing, "no such incident")


def test_grade_shows_defaults_and_keeps_overrides(runner, merged_ledger):
    from tests.test_ledger import mogadishu

    claim = mogadishu()[1].statements[0].id
    shown = runner.invoke(app, ["grade", claim, "--db", merged_ledger])
    assert shown.exit_code == 0 and f"{claim} D" in shown.stdout and "default" in shown.stdout
    set_ = runner.invoke(
        app, ["grade", claim[:10], "-r", "b", "-c", "2", "--by", "ana", "--db", merged_ledger]
    )
    assert set_.exit_code == 0, set_.output
    assert f"{claim} B2" in set_.stdout and "analyst" in set_.stdout
    assert Ledger(merged_ledger).statement_grades()[claim].by == "ana"
    bad = runner.invoke(app, ["grade", claim, "-r", "Z", "--db", merged_ledger])
    assert bad.exit_code == 2
    one_error_line(bad, "--reliability")


def test_actors_merge_and_unmerge(runner, merged_ledger):
    listing = runner.invoke(app, ["actors", "--db", merged_ledger])
    assert listing.exit_code == 0 and "rival-faction" in listing.stdout
    merged = runner.invoke(app, ["merge-actors", "al-shabaab", "rival-faction", "--by", "ana",
                                 "--db", merged_ledger])  # fmt: skip
    assert merged.exit_code == 0, merged.output
    assert [a.id for a in Ledger(merged_ledger).actors()] == ["al-shabaab"]
    history = runner.invoke(app, ["actors", "--history", "--db", merged_ledger])
    assert "rival-faction -> al-shabaab by ana" in history.stdout
    undo = runner.invoke(app, ["unmerge-actors", "rival-faction", "--db", merged_ledger])
    assert undo.exit_code == 0 and len(Ledger(merged_ledger).actors()) == 2
    again = runner.invoke(app, ["unmerge-actors", "rival-faction", "--db", merged_ledger])
    assert again.exit_code == 2
    one_error_line(again, "rival-faction")
    unknown = runner.invoke(app, ["merge-actors", "al-shabaab", "nobody", "--db", merged_ledger])
    assert unknown.exit_code == 2
    one_error_line(unknown, "nobody", "no such actor")


@needs_pipeline
def test_example_corpus_twice_gives_the_same_ledger_and_one_mogadishu_incident(runner, tmp_path):
    corpus = Path(cli.examples_dir())
    args = ["analyze", str(corpus), "--db", db_url(tmp_path)]
    assert runner.invoke(app, args).exit_code == 0
    export = runner.invoke(app, ["export", "--db", db_url(tmp_path)]).stdout
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, ["export", "--db", db_url(tmp_path)]).stdout == export
    with Ledger(db_url(tmp_path)) as ledger:
        market = [
            m for m in ledger.merged_incidents() if m.incident.place and m.incident.place.name == "Mogadishu"
        ]
        assert len(market) == 1
        killed = [(t.published.isoformat(), t.figure.min) for t in market[0].timeline if t.field == "killed"]
        assert len(killed) == 3 and [k for _, k in killed] == sorted(k for _, k in killed)
        assert [d for d, _ in killed] == ["2024-08-14", "2024-08-15", "2024-08-16"]
        assert market[0].incident.killed.min == killed[-1][1]
