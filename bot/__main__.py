"""`python -m bot <command>`: report, purge, db (see `python -m bot --help`)."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta

import sqlalchemy as sa

from bot.paths import ROOT
from bot.storage import migrate
from bot.storage.db import describe_error, safe_url
from bot.storage.settings import StorageConfigError, StorageSettings


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"dates are YYYY-MM-DD, not {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser(
        "report", help="analytics for a date range: text here, an HTML page in reports/"
    )
    report.add_argument("--from", dest="start", type=_date,
                        help="first day, YYYY-MM-DD (default: 30 days before --to)")
    report.add_argument("--to", dest="end", type=_date, help="last day, YYYY-MM-DD (default: today)")
    purge = commands.add_parser(
        "purge", help="delete conversation events and analytics rows older than a period, and VACUUM"
    )
    purge.add_argument("--older-than", help="e.g. 90d or 12w (default: TECHTRACK_RETENTION_DAYS, 90 days)")
    db = commands.add_parser("db", help="database schema migrations")
    db.add_argument("action", choices=["upgrade", "downgrade", "current"],
                    help="upgrade to the latest schema, downgrade to empty, or show the revision")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = StorageSettings.from_env()
        if args.command == "report":
            return _report(settings, args.start, args.end)
        if args.command == "purge":
            return _purge(settings, args.older_than)
        return _db(settings, args.action)
    except (StorageConfigError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except sa.exc.DBAPIError as error:
        print(f"error: cannot use the database at {safe_url(settings.database_url)} "
              f"({describe_error(error)})", file=sys.stderr)
        return 1


def _report(settings: StorageSettings, start: date | None, end: date | None) -> int:
    from bot.storage import report

    end = end or date.today()
    start = start or end - timedelta(days=30)
    if start > end:
        raise ValueError(f"--from ({start}) is after --to ({end})")
    if migrate.current_revision(settings.database_url) is None:
        raise ValueError(f"{safe_url(settings.database_url)} has no analytics tables yet: "
                         "`make run` or `python -m bot db upgrade` creates them")
    built = report.build(settings.database_url, start, end)
    print(report.as_text(built))
    path = report.write_html(built, ROOT / "reports")
    print(f"\nHTML report: {path}")
    return 0


def _purge(settings: StorageSettings, older_than: str | None) -> int:
    from bot.storage.purge import parse_age, purge

    age = parse_age(older_than) if older_than else timedelta(days=settings.retention_days)
    purged = purge(settings.database_url, age)
    print(purged.summary())
    return 0 if purged.space_freed else 1  # a failed VACUUM leaves the deleted data in the files


def _db(settings: StorageSettings, action: str) -> int:
    if action == "upgrade":
        migrate.upgrade(settings.database_url, timeout=30)
    elif action == "downgrade":
        migrate.downgrade(settings.database_url)
    print(f"{safe_url(settings.database_url)}: schema revision "
          f"{migrate.current_revision(settings.database_url) or '(empty)'}, "
          f"latest {migrate.head_revision()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
