"""The raw archive: every fetched body stored once, named by its sha256, with its HTTP metadata beside it.

    data/archive/ab/cd/abcd…ef          the bytes
    data/archive/ab/cd/abcd…ef.json     {"sha256", "size", "media_type", "fetches": [{url, status, etag, …}]}

Names come from the digest alone (hex checked), so no URL can steer a write outside the directory.
Writes go to a temporary file in the same directory and are renamed into place: a crash leaves either the
old state or the new one, never half a file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError

_HEX = re.compile(r"^[0-9a-f]{64}$")
MAX_FETCHES_KEPT = 20


class Archive:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path(self, sha: str) -> Path:
        if not _HEX.match(sha):
            raise StoreError(f"not a sha256 digest: {sha!r}")
        return self.root / sha[:2] / sha[2:4] / sha

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def get(self, sha: str) -> bytes:
        return self.path(sha).read_bytes()

    def meta(self, sha: str) -> dict[str, Any]:
        p = self.path(sha).with_suffix(".json")
        try:
            data = json.loads(p.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def put(self, data: bytes, fetch: dict[str, Any] | None = None, media_type: str | None = None) -> str:
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.stat().st_size != len(data):
            _atomic_write(target, data)
        if fetch is not None:
            meta = self.meta(sha) or {
                "sha256": sha,
                "size": len(data),
                "media_type": media_type,
                "fetches": [],
            }
            if media_type and not meta.get("media_type"):
                meta["media_type"] = media_type
            fetches = [f for f in meta.get("fetches", []) if f.get("url") != fetch.get("url")]
            fetches.append(fetch)
            meta["fetches"] = fetches[-MAX_FETCHES_KEPT:]
            _atomic_write(
                target.with_suffix(".json"), json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8")
            )
        return sha

    def __iter__(self) -> Iterator[str]:
        for p in sorted(self.root.glob("??/??/*")):
            if _HEX.match(p.name):
                yield p.name


def _atomic_write(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
