"""Database commands: ingest, compare, export, checks, serve. Registered into the CLI by cli.py."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from . import api, compare
from .errors import HarvesterError, StoreError
from .models import DocumentInfo
from .store import DEFAULT_DB, Store

DATASETTE_METADATA = Path(__file__).resolve().parents[2] / "datasette" / "metadata.json"

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    envvar="REPORT_HARVESTER_DB",
    help="SQLite database file (env REPORT_HARVESTER_DB).",
)


def _open_existing(path: Path) -> Store:
    if not path.exists():
        raise StoreError(
            "no database here yet; run `report-harvester ingest PATH...` first", source=str(path)
        )
    return Store.open(path)


def _emit(data: bytes, output: Path | None) -> None:
    if output is None:
        out = sys.stdout.buffer
        out.write(data)
        out.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise HarvesterError(f"cannot write: {exc.strerror or exc}", source=str(output)) from exc


def _years(text: str | None) -> tuple[int, int] | None:
    return compare.parse_years(text)


# -- ingest -----------------------------------------------------------------------------------


@click.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option(
    "--reextract", is_flag=True, help="Extract every stored document again and replace its figures."
)
@click.option("--max-bytes", default=api.DEFAULT_MAX_BYTES, show_default=True, help="Refuse larger files.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that extract documents in parallel [default: one per core].",
)
def ingest(
    paths: tuple[str, ...], db_path: Path, reextract: bool, max_bytes: int, quiet: bool, jobs: int | None
) -> None:
    """Extract report files (or directories of them) and store them in the database.

    Idempotent: a document already stored with the same extraction adds nothing. The HTML page and
    the PDF attachment of one report (same body, same year) become one report with two documents.
    """
    if not paths and not reextract:
        raise click.UsageError("give files or directories to ingest, or --reextract")
    with Store.open(db_path) as store:
        run_id = store.start_run("reextract" if reextract else "ingest", {"paths": list(paths)})
        stats = {"documents": 0, "new_reports": 0, "merged": 0, "unchanged": 0, "replaced": 0, "failed": 0}
        status = "failed"
        try:
            if reextract:
                stats = {**stats, **store.reextract(api.extract_bytes)}
            for src, result in api.iter_prepared(paths, max_bytes, jobs):
                if isinstance(result, HarvesterError):
                    click.echo(f"error: {result.one_line()}", err=True)
                    stats["failed"] += 1
                    continue
                stats["documents"] += 1
                report = result.report
                doc = _document_info(src, report.sha256 or "", report.media_type)
                outcome = store.ingest(result, doc, run_id=run_id)
                if not outcome.added_document and not outcome.replaced_figures:
                    kind = "unchanged"
                elif outcome.replaced_figures:
                    kind = "replaced"
                elif outcome.new_report:
                    kind = "new_reports"
                else:
                    kind = "merged"
                stats[kind] += 1
                if not quiet:
                    ident = report.identity
                    click.echo(
                        f"{kind:<11} report {outcome.report_id} ({ident.issuer or '?'} {ident.year or '?'}):"
                        f" {result.encoded.n} figures  {src}"
                    )
            status = "ok" if not stats["failed"] else "partial"
        finally:
            store.finish_run(run_id, stats, status)
        click.echo(
            f"{stats['documents']} documents: {stats['new_reports']} new reports, {stats['merged']} added to a"
            f" report, {stats['replaced']} re-extracted, {stats['unchanged']} unchanged, {stats['failed']} failed"
            f" -> {db_path}"
        )
    if stats["failed"]:
        sys.exit(2)


def _document_info(src: str, sha256: str, media_type: str | None) -> DocumentInfo:
    if src == "-":
        return DocumentInfo(sha256=sha256, size=0, media_type=media_type, path=None)
    p = Path(src)
    return DocumentInfo(sha256=sha256, size=p.stat().st_size, media_type=media_type, path=str(p.resolve()))


# -- compare ----------------------------------------------------------------------------------


@click.command(name="compare")
@db_option
@click.option(
    "--metric",
    "-m",
    "metrics",
    multiple=True,
    required=True,
    help="A metric key (requests.received, requests.by_channel[网上]) or indicator (实质公开率). Repeatable.",
)
@click.option(
    "--region", "-r", "regions", multiple=True, help="Codes, prefixes (5107 = all of Mianyang) or names."
)
@click.option("--years", "-y", help="2014-2024, or one year.")
@click.option(
    "--level",
    type=click.Choice(["government", "department", "township", "all"]),
    default="government",
    show_default=True,
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json", "xlsx"]), default="table", show_default=True
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout."
)
@click.option(
    "--chart", type=click.Path(dir_okay=False, path_type=Path), help="Also draw a chart (.svg or .png)."
)
def compare_cmd(
    db_path: Path,
    metrics: tuple[str, ...],
    regions: tuple[str, ...],
    years: str | None,
    level: str,
    fmt: str,
    output: Path | None,
    chart: Path | None,
) -> None:
    """Compare a metric or named indicator across regions (rows) and years (columns)."""
    with _open_existing(db_path) as store:
        result = compare.compare(
            store, list(metrics), regions=list(regions), years=_years(years), level=level
        )
    if fmt == "table":
        _emit((compare.render_table(result) + "\n").encode(), output)
    elif fmt == "csv":
        _emit(compare.csv_bytes(result), output)
    elif fmt == "json":
        _emit(compare.json_text(result).encode(), output)
    else:
        if output is None:
            raise click.UsageError("--format xlsx needs --output FILE.xlsx")
        compare.write_xlsx(result, output)
    if chart is not None:
        from . import charts

        for note in charts.render(result, chart):
            click.echo(f"note: {note}", err=True)
        click.echo(f"chart written to {chart}", err=True)


# -- export -----------------------------------------------------------------------------------


@click.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "xlsx", "jsonl"]), default="csv", show_default=True
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout."
)
@click.option("--region", "-r", "regions", multiple=True, help="Only these codes, prefixes or names.")
@click.option("--years", "-y", help="Only these years (2014-2024).")
@click.option("--metric", "-m", "metrics", multiple=True, help="Only these metric keys.")
def export(
    db_path: Path,
    fmt: str,
    output: Path | None,
    regions: tuple[str, ...],
    years: str | None,
    metrics: tuple[str, ...],
) -> None:
    """Write every stored figure in long form: body, code, level, year, metric, dimension, value, unit, evidence, source."""
    from . import export as ex

    with _open_existing(db_path) as store:
        rows = ex.iter_figures(store, regions=list(regions), years=_years(years), metrics=list(metrics))
        if fmt == "xlsx":
            if output is None:
                raise click.UsageError("--format xlsx needs --output FILE.xlsx")
            n = ex.write_xlsx(rows, output)
        else:
            writer = ex.write_csv if fmt == "csv" else ex.write_jsonl
            if output is None:
                n = writer(rows, sys.stdout.buffer)
            else:
                try:
                    with output.open("wb") as fh:
                        n = writer(rows, fh)
                except OSError as exc:
                    raise HarvesterError(f"cannot write: {exc.strerror or exc}", source=str(output)) from exc
    if output is not None:
        click.echo(f"{n} figures written to {output}", err=True)


# -- checks -----------------------------------------------------------------------------------


def _region_where(store: Store, regions: list[str], alias: str = "code") -> tuple[str, list[Any]]:
    prefixes = compare.region_prefixes(store, regions)
    if not prefixes:
        return "", []
    return "(" + " OR ".join(f"{alias} LIKE ?" for _ in prefixes) + ")", [p + "%" for p in prefixes]


def check_rows(
    store: Store, regions: list[str], years: tuple[int, int] | None, check_id: str | None = None
) -> list[dict[str, Any]]:
    """Stored findings plus check 7 (carried-over against last year's carried-forward), computed now."""
    out: list[dict[str, Any]] = []
    store.refresh_compare()  # carry_over_check reads compare_values
    for view, is_carry in (("findings_long", False), ("carry_over_check", True)):
        if check_id and ((check_id == "7") != is_carry):
            continue
        where, params = _region_where(store, regions)
        clauses = [where] if where else []
        if years:
            clauses.append("year BETWEEN ? AND ?")
            params.extend(years)
        if is_carry:
            clauses.append("passed = 0")
        elif check_id:
            clauses.append("check_id = ?")
            params.append(check_id)
        sql = f"SELECT * FROM {view}" + (" WHERE " + " AND ".join(clauses) if clauses else "")
        cur = store.conn.execute(sql + " ORDER BY code, body, year", params)
        cols = [c[0] for c in cur.description]
        for raw in cur:
            rec = dict(zip(cols, raw, strict=True))
            if is_carry:
                co, cf = rec["carried_over"], rec["last_year_carried_forward"]
                out.append(
                    {
                        "code": rec["code"],
                        "body": rec["body"],
                        "year": rec["year"],
                        "check": "7",
                        "name": "carried over = last year's carried forward",
                        "detail": f"上年结转 {_n(co)} ≠ {rec['year'] - 1}年结转下年度 {_n(cf)}",
                        "numbers": {"carried_over": co, "last_year_carried_forward": cf},
                        "source": None,
                    }
                )
            else:
                out.append(
                    {
                        "code": rec["code"],
                        "body": rec["body"],
                        "year": rec["year"],
                        "check": rec["check_id"],
                        "name": rec["name"],
                        "detail": rec["detail"],
                        "numbers": json.loads(rec["numbers"] or "{}"),
                        "source": rec["source"],
                    }
                )
    out.sort(key=lambda r: (r["code"] or "~", r["body"], r["year"] or 0, r["check"]))
    return out


def _n(v: Any) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


@click.command()
@db_option
@click.option("--region", "-r", "regions", multiple=True, help="Codes, prefixes or names.")
@click.option("--years", "-y", help="2014-2024, or one year.")
@click.option("--check", "check_id", help="Only this check (1..7, merge).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path))
def checks(
    db_path: Path,
    regions: tuple[str, ...],
    years: str | None,
    check_id: str | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Failed consistency checks (勾稽关系): stored findings, and check 7 across consecutive years."""
    with _open_existing(db_path) as store:
        rows = check_rows(store, list(regions), _years(years), check_id)
    if fmt == "json":
        _emit(json.dumps(rows, ensure_ascii=False, indent=2).encode() + b"\n", output)
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(["code", "body", "year", "check", "name", "detail", "source"])
        for r in rows:
            w.writerow([r["code"], r["body"], r["year"], r["check"], r["name"], r["detail"], r["source"]])
        _emit(buf.getvalue().encode("utf-8-sig"), output)
    else:
        lines = [
            f"{r['code'] or '?'} {r['body']} {r['year']}  check {r['check']}: {r['detail']}" for r in rows
        ]
        lines.append(f"({len(rows)} failed checks)")
        _emit(("\n".join(lines) + "\n").encode(), output)


# -- serve ------------------------------------------------------------------------------------


@click.command(context_settings={"ignore_unknown_options": True})
@db_option
@click.option("--port", "-p", default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
def serve(db_path: Path, port: int, host: str, datasette_args: tuple[str, ...]) -> None:
    """Browse the database in Datasette with the project's facets and canned queries."""
    if importlib.util.find_spec("datasette") is None:
        raise HarvesterError(
            "serve needs Datasette: pip install 'report-harvester[browse]' (or: pip install datasette)"
        )
    if not db_path.exists():
        raise StoreError(
            "no database here yet; run `report-harvester ingest PATH...` first", source=str(db_path)
        )
    # migrate first, so datasette never sees an old schema the metadata does not describe
    Store.open(db_path).close()
    cmd = [
        sys.executable, "-m", "datasette", "serve", str(db_path),
        "--metadata", str(_metadata_for(db_path)), "--host", host, "--port", str(port), *datasette_args,
    ]  # fmt: skip
    click.echo(f"Datasette on http://{host}:{port}/ (Ctrl-C stops it)", err=True)
    try:
        code = subprocess.call(cmd, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    except KeyboardInterrupt:
        code = 0
    sys.exit(code)


def _metadata_for(db_path: Path) -> Path:
    """The shipped metadata names the database `reports`; Datasette names it after the file's stem."""
    meta = json.loads(DATASETTE_METADATA.read_text(encoding="utf-8"))
    dbs = meta.get("databases", {})
    if db_path.stem != "reports" and "reports" in dbs:
        dbs[db_path.stem] = dbs.pop("reports")
    out = Path(tempfile.gettempdir()) / f"report-harvester-datasette-{os.getpid()}.json"
    out.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return out


def register(cli: click.Group) -> None:
    for command in (ingest, compare_cmd, export, checks, serve):
        cli.add_command(command)
