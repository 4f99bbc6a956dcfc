"""`report-harvester extract` from the outside: real files, real process, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "documents" / "prose_department_2010.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "report_harvester", "extract", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
    )


def _one_line_error(p: subprocess.CompletedProcess[bytes], name: str) -> str:
    err = p.stderr.decode()
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert name in lines[0]
    return lines[0]


def test_json_output_has_the_contract_keys() -> None:
    p = run(str(SAMPLE), "--json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert {"source", "title", "issuer", "region_code", "year", "era", "figures", "checks"} <= set(doc)
    fig = doc["figures"][0]
    assert set(fig) >= {"metric", "value", "unit", "approx", "dimension", "evidence", "span", "method"}
    text = SAMPLE.read_text(encoding="utf-8")
    for f in doc["figures"]:
        if f["span"]:
            a, b = f["span"]
            assert text[a:b].strip() == f["evidence"]


def test_table_output_names_metrics() -> None:
    p = run(str(SAMPLE))
    assert p.returncode == 0
    out = p.stdout.decode()
    assert "proactive.total" in out and "312" in out


@pytest.mark.parametrize("encoding", ["gbk", "gb2312", "gb18030", "utf-8"])
def test_encodings_without_declaration(tmp_path: Path, encoding: str) -> None:
    doc = tmp_path / f"report_{encoding}.txt"
    doc.write_bytes(SAMPLE.read_text(encoding="utf-8").replace("５", "5").encode(encoding))
    p = run(str(doc), "--json")
    assert p.returncode == 0, p.stderr
    figs = {f["metric"]: f["value"] for f in json.loads(p.stdout)["figures"]}
    assert figs["proactive.total"] == 312
    assert figs["requests.received"] == 5


def test_html_with_wrong_charset_declaration(tmp_path: Path) -> None:
    body = SAMPLE.read_text(encoding="utf-8").replace("\n", "<br>\n")
    page = f'<html><head><meta charset="utf-8"><title>t</title></head><body><div id="zoom">{body}</div></body></html>'
    doc = tmp_path / "page.html"
    doc.write_bytes(page.encode("gbk"))
    p = run(str(doc), "--json")
    assert p.returncode == 0, p.stderr
    figs = {f["metric"]: f["value"] for f in json.loads(p.stdout)["figures"]}
    assert figs["proactive.total"] == 312


def test_stdin() -> None:
    p = run("-", "--json", stdin=SAMPLE.read_bytes())
    assert p.returncode == 0
    assert json.loads(p.stdout)["source"] == "-"


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    p = run(str(empty))
    assert p.returncode == 2
    assert "empty" in _one_line_error(p, "empty.txt")


def test_missing_path() -> None:
    p = run("/nonexistent/report.txt")
    assert p.returncode == 2
    _one_line_error(p, "/nonexistent/report.txt")


def test_binary_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    p = run(str(junk))
    assert p.returncode == 2
    _one_line_error(p, "junk.txt")


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(SAMPLE.read_bytes() * 10)
    p = run(str(big), "--max-bytes", "1000")
    assert p.returncode == 2
    assert "limit" in _one_line_error(p, "big.txt")


def test_non_report_page_gives_zero_figures_and_a_note(tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text(
        "<html><body><h1>关于开展春季植树活动的通知</h1><p>各单位：定于3月12日开展植树活动。</p></body></html>",
        encoding="utf-8",
    )
    p = run(str(page), "--json")
    assert p.returncode == 0
    doc = json.loads(p.stdout)
    assert doc["figures"] == []
    assert doc["notes"]


def test_directory_run_continues_past_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "b_empty.txt").write_bytes(b"  \n")
    (tmp_path / "c_good.txt").write_bytes(SAMPLE.read_bytes())
    p = run(str(tmp_path), "--json")
    assert p.returncode == 2
    docs = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert [Path(d["source"]).name for d in docs] == ["a_good.txt", "c_good.txt"]
    _one_line_error(p, "b_empty.txt")
