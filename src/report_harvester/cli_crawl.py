"""CLI commands of the crawler: harvest, reextract, demo. Registered into the main group by cli.py."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import HarvesterError

DEFAULT_DB = Path("data/reports.db")


def _echo_err(msg: str) -> None:
    click.echo(msg, err=True)


@click.command()
@click.option("--sources", "only", multiple=True, help="Source ids to harvest (default: all profiles).")
@click.option(
    "--sources-dir", type=click.Path(path_type=Path, file_okay=False), help="Directory of site profiles."
)
@click.option("--start-url", help="Harvest one column in generic mode, without a profile.")
@click.option("--region", help="Region code for --start-url reports (e.g. 510705).")
@click.option("--since", type=int, help="Skip reports whose title year is before this.")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_DB, show_default=True)
@click.option(
    "--data-dir", type=click.Path(path_type=Path, file_okay=False), default=Path("data"), show_default=True
)
@click.option(
    "--delay", type=float, default=1.0, show_default=True, help="Seconds between requests to one host."
)
@click.option("--refresh", is_flag=True, help="Re-check known report documents too (conditional requests).")
@click.option(
    "--check-sources", is_flag=True, help="Only report which sources answer and how many reports each lists."
)
def harvest(
    only: tuple[str, ...],
    sources_dir: Path | None,
    start_url: str | None,
    region: str | None,
    since: int | None,
    db: Path,
    data_dir: Path,
    delay: float,
    refresh: bool,
    check_sources: bool,
) -> None:
    """Crawl the report columns of the configured sites into the database.

    Exit status: 0 all went well, 3 some sources failed, 75 another run holds the lock.
    """
    from .crawl import harvest as hv
    from .crawl.sources import load_sources, start_url_source

    if start_url:
        sources = [start_url_source(start_url, region)]
    else:
        sources = load_sources(sources_dir, list(only) or None)
    if check_sources:
        code = hv.check_sources(sources, delay=delay, echo=click.echo)
        sys.exit(code)
    opts = hv.HarvestOptions(
        db=db, data_dir=data_dir, delay=delay, since=since, refresh=refresh, progress=sys.stderr.isatty()
    )
    result = hv.harvest(sources, opts, log=_echo_err)
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)
    for host, reason in sorted(result.stats["blocked_hosts"].items()):
        click.echo(f"blocked: {host}: {reason}", err=True)
    click.echo(result.summary())
    sys.exit(result.exit_code)


@click.command()
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_DB, show_default=True)
def reextract(db: Path) -> None:
    """Extract every archived document again (no network), after patterns improved."""
    from . import api
    from .crawl.harvest import apply_hints, crawl_hints
    from .crawl.sources import Source
    from .models import Report
    from .store import Store

    if not db.exists():
        raise click.ClickException(f"{db}: no such database")
    with Store.open(db) as store:
        hints = crawl_hints(store)

        def extract(data: bytes, source: str) -> Report:
            report = api.extract_bytes(data, source)
            title, level, code = hints.get(source, (None, None, None))
            if title or level or code:
                apply_hints(report, title, level, Source("hint", "", code, "generic", ()) if code else None)
            return report

        stats = store.reextract(extract)
    click.echo(" ".join(f"{k}={v}" for k, v in stats.items()))


@click.command()
@click.option(
    "--db", type=click.Path(path_type=Path, dir_okay=False), default=Path("data/demo.db"), show_default=True
)
@click.option(
    "--data-dir", type=click.Path(path_type=Path, file_okay=False), default=Path("data"), show_default=True
)
@click.option("--delay", type=float, default=0.05, show_default=True)
def demo(db: Path, data_dir: Path, delay: float) -> None:
    """Serve the stand-in sites on 127.0.0.1, harvest them, and compare Anzhou with the other districts."""
    from .crawl.demo import run_demo

    result, table = run_demo(db, data_dir, delay, echo=_echo_err)
    click.echo(result.summary())
    for host, reason in sorted(result.stats["blocked_hosts"].items()):
        click.echo(f"blocked (as intended for one stand-in): {host}: {reason}")
    click.echo(table)


def register(cli: click.Group) -> None:
    for cmd in (harvest, reextract, demo):
        if cmd.name not in cli.commands:
            cli.add_command(cmd)


__all__ = ["HarvesterError", "register"]
