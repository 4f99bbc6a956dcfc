from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from report_harvester.numbers import parse_chinese_int, parse_number, to_halfwidth


@pytest.mark.parametrize(
    ("raw", "value", "approx", "percent"),
    [
        ("两", 2, False, False),
        ("十二", 12, False, False),
        ("一百二十三", 123, False, False),
        ("二百零六", 206, False, False),
        ("〇", 0, False, False),
        ("二〇一八", 2018, False, False),
        ("４４３５", 4435, False, False),
        ("4,435", 4435, False, False),
        ("1.5万", 15000, False, False),
        ("3亿", 300_000_000, False, False),
        ("96%", 96, False, True),
        ("百分之九十六", 96, False, True),
        ("20000余", 20000, True, False),
        ("200多", 200, True, False),
        ("约300", 300, True, False),
        ("近百", 100, True, False),
        ("50以上", 50, True, False),
        ("96171.6", 96171.6, False, False),
        ("一万零五", 10005, False, False),
        ("两万三千", 23000, False, False),
    ],
)
def test_known_numbers(raw: str, value: float, approx: bool, percent: bool) -> None:
    n = parse_number(raw)
    assert n.value == pytest.approx(value)
    assert n.approx is approx
    assert n.percent is percent


@pytest.mark.parametrize("raw", ["", "abc", "件", "1.2.3"])
def test_rejects_non_numbers(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_number(raw)


def test_halfwidth_keeps_length() -> None:
    s = "主动公开４４３５条，占９６％（其中）"
    assert len(to_halfwidth(s)) == len(s)
    assert to_halfwidth(s) == "主动公开4435条,占96%(其中)"


@settings(max_examples=2000, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_chinese_integers_agree_with_cn2an(n: int) -> None:
    # cn2an writes integers the standard way; our reader must read them back
    written = cn2an.an2cn(n)
    assert parse_chinese_int(written) == n


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_thousands_separators(n: int) -> None:
    assert parse_number(f"{n:,}").value == n
    assert parse_number(str(n)).value == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["余", "多"]))
def test_approximations(n: int, mark: str) -> None:
    got = parse_number(f"{n}{mark}")
    assert got.value == n and got.approx
