"""The one exception tree of report-harvester.

    HarvesterError                 base: the CLI turns any of these into a one-line message
    ├── InputError                 a document or path we cannot read (exit 2)
    │   ├── UnreadableInput        missing path, permission denied, not a file
    │   ├── EmptyInput             zero bytes or only white space
    │   ├── TooLarge               over the configured size limit
    │   └── UnsupportedFormat      binary or a format we do not read (says how to convert)
    ├── ParseError                 a document of a known format that is corrupt (truncated PDF, bad zip)
    ├── PatternError               a pattern file that does not load or whose examples fail
    ├── StoreError                 the database refused an operation
    └── FetchError                 network-side failures (see crawl/)
        ├── BlockedByPolicy        robots.txt, allow-list, scheme or address rules forbid the URL
        └── HostBlocked            the host answered with a WAF challenge

Every error carries the input it is about, so the message names it.
"""

from __future__ import annotations


class HarvesterError(Exception):
    """Base of every error the tool raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source

    def one_line(self) -> str:
        msg = " ".join(str(self).split())
        return f"{self.source}: {msg}" if self.source else msg


class InputError(HarvesterError):
    exit_code = 2


class UnreadableInput(InputError):
    pass


class EmptyInput(InputError):
    pass


class TooLarge(InputError):
    pass


class UnsupportedFormat(InputError):
    pass


class ParseError(InputError):
    pass


class PatternError(HarvesterError):
    exit_code = 3


class StoreError(HarvesterError):
    exit_code = 4


class FetchError(HarvesterError):
    exit_code = 5


class BlockedByPolicy(FetchError):
    pass


class HostBlocked(FetchError):
    pass
