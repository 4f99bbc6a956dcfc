"""The `report-harvester` command: a thin shell over report_harvester.api and friends."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from . import api
from .errors import HarvesterError
from .models import Report


def _fail(exc: HarvesterError) -> None:
    click.echo(f"error: {exc.one_line()}", err=True)


def _table(report: Report) -> str:
    ident = report.identity
    lines = [
        f"== {report.source}",
        f"   {ident.title or '(no title)'} | issuer {ident.issuer or '?'} | code {ident.region_code or '?'}"
        f" | year {ident.year or '?'} | era {ident.era or '?'}",
    ]
    if not report.figures:
        lines.append("   (no figures)")
    for f in report.figures:
        metric = f.metric + (f"[{f.dimension}]" if f.dimension else "")
        value = f"{'~' if f.approx else ''}{f.to_json()['value']}"
        ev = f.evidence.replace("\n", " ")
        if len(ev) > 50:
            ev = ev[:49] + "…"
        lines.append(f"   {metric:<40} {value:>12} {f.unit:<3} {ev}")
    for c in report.checks:
        if not c.passed:
            lines.append(f"   check {c.check} FAILED: {c.detail}")
    for n in report.notes:
        lines.append(f"   note: {n}")
    return "\n".join(lines)


class _LazyGroup(click.Group):
    """Loads the store and crawl commands only when one is asked for (or help lists them), so
    `extract` starts without importing SQLite and HTTP libraries."""

    _loaded = False

    def _load(self) -> None:
        if not self._loaded:
            self._loaded = True
            _register_optional_commands()

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        cmd = super().get_command(ctx, cmd_name)
        if cmd is None:
            self._load()
            cmd = super().get_command(ctx, cmd_name)
        return cmd

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load()
        return super().list_commands(ctx)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="report-harvester")
def cli() -> None:
    """Harvest government information-disclosure annual reports (政府信息公开工作年度报告) into data."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document, one per line.")
@click.option(
    "--max-bytes", default=api.DEFAULT_MAX_BYTES, show_default=True, help="Refuse files larger than this."
)
def extract(paths: tuple[str, ...], as_json: bool, max_bytes: int) -> None:
    """Extract the figures of report files (.txt .html .pdf .docx), directories, or - for stdin."""
    failed = 0
    for _src, result in api.iter_documents(paths, max_bytes):
        if isinstance(result, HarvesterError):
            _fail(result)
            failed += 1
            continue
        if as_json:
            sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
        else:
            click.echo(_table(result))
    if failed:
        sys.exit(2)


def main(argv: list[str] | None = None) -> Any:
    try:
        return cli.main(args=argv, prog_name="report-harvester", standalone_mode=True)
    except HarvesterError as exc:
        _fail(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)


# Command groups owned by other modules register themselves here (store/compare, crawl).
def _register_optional_commands() -> None:
    import importlib

    for module in ("report_harvester.cli_db", "report_harvester.cli_crawl"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        mod.register(cli)
