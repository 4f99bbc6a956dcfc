from __future__ import annotations

import report_harvester
from report_harvester.errors import HarvesterError


def test_public_api_is_exported() -> None:
    for name in report_harvester.__all__:
        assert hasattr(report_harvester, name), name


def test_every_error_is_a_harvester_error() -> None:
    errors = [
        getattr(report_harvester, n)
        for n in report_harvester.__all__
        if n.endswith(("Error", "Input", "Large", "Format"))
    ]
    assert errors
    for cls in errors:
        assert issubclass(cls, HarvesterError), cls


def test_extract_bytes_is_pure_and_repeatable() -> None:
    data = "某县2016年政府信息公开工作年度报告\n全年主动公开政府信息120条。收到政府信息公开申请3件。".encode()
    a = report_harvester.extract_bytes(data, "a.txt").to_json()
    b = report_harvester.extract_bytes(data, "a.txt").to_json()
    assert a == b
    assert {f["metric"]: f["value"] for f in a["figures"]} == {"proactive.total": 120, "requests.received": 3}
