"""One normaliser for the numbers written in reports.

Arabic, full-width and Chinese numerals (两, 十二, 一百二十三, 二百零六, 〇), thousands separators
(4,435), 万/亿 multipliers (1.5万), decimals, percentages (96%, 百分之九十六) and approximations
(20000余, 200多, 约, 近, 以上). Returns floats; callers decide how to print them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FULLWIDTH_TABLE = str.maketrans("０１２３４５６７８９．，％：；（）", "0123456789.,%:;()")

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5})
_DIGITS.update({"陆": 6, "柒": 7, "捌": 8, "玖": 9})
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

CN_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)

# a heading's or an item's own number: 1. / 2、 / (3) / （三） / 四、 (a regex fragment)
ITEM_NUMBER = (
    r"(?:\d{1,2}[.、．]|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[一二三四五六七八九十]{1,3}、)"
)


def to_halfwidth(text: str) -> str:
    """Map full-width digits and punctuation to ASCII, one character for one (spans stay valid)."""
    return text.translate(FULLWIDTH_TABLE)


def _small_section(s: str) -> int:
    """Value of a numeral without 万/亿 (below 10,000)."""
    total = 0
    digit: int | None = None
    for ch in s:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            # 十二 means 12: a unit without a digit before it counts once
            total += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    if digit is not None:
        total += digit
    return total


def parse_chinese_int(s: str) -> int:
    """一百二十三 → 123, 二百零六 → 206, 两万三千 → 23000, 一亿零五百万 → 105000000.

    A run of bare digits such as 二〇一八 is read digit by digit (2018).
    """
    if not s:
        raise ValueError("empty numeral")
    if all(ch in _DIGITS for ch in s):
        if len(s) == 1:
            return _DIGITS[s]
        return int("".join(str(_DIGITS[ch]) for ch in s))
    total = 0
    section = ""
    for ch in s:
        if ch in _BIG_UNITS:
            value = _small_section(section) if section else 1
            if ch == "亿":
                total = (total + value) * _BIG_UNITS[ch]
            else:
                total += value * _BIG_UNITS[ch]
            section = ""
        else:
            section += ch
    if section:
        total += _small_section(section)
    return total


_ARABIC = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Number:
    value: float
    approx: bool = False
    percent: bool = False


def parse_number(raw: str) -> Number:
    """Parse one number as written, with its multiplier and approximation marks.

    >>> parse_number("1.5万").value
    15000.0
    """
    s = to_halfwidth(raw).strip().replace(" ", "")
    approx = False
    percent = False
    for prefix in ("约", "近", "超过", "逾", "共计", "共", "计"):
        if s.startswith(prefix):
            approx = approx or prefix in ("约", "近", "超过", "逾")
            s = s[len(prefix) :]
    if s.startswith("百分之"):
        percent = True
        s = s[3:]
    for suffix in ("以上", "左右", "余", "多"):
        if s.endswith(suffix):
            approx = True
            s = s[: -len(suffix)]
    if s.endswith("%"):
        percent = True
        s = s[:-1]
    for suffix in ("余", "多"):
        if s.endswith(suffix):
            approx = True
            s = s[: -len(suffix)]
    multiplier = 1
    if s and s[-1] in _BIG_UNITS and len(s) > 1 and (s[-2].isdigit() or s[-2] in "余多"):
        multiplier = _BIG_UNITS[s[-1]]
        s = s[:-1]
        if s.endswith(("余", "多")):
            approx = True
            s = s[:-1]
    if not s:
        raise ValueError(f"no number in {raw!r}")
    if _ARABIC.match(s):
        value = float(s.replace(",", ""))
    elif all(ch in CN_NUMERAL_CHARS for ch in s):
        value = float(parse_chinese_int(s))
    elif "." in s and all(ch in CN_NUMERAL_CHARS or ch == "." for ch in s):
        whole, _, frac = s.partition(".")
        value = float(f"{parse_chinese_int(whole) if whole else 0}.{parse_chinese_int(frac)}")
    else:
        raise ValueError(f"not a number: {raw!r}")
    return Number(value * multiplier, approx, percent)


def clean_value(value: float) -> float:
    """Round away float noise from multiplications such as 1.1 * 10000."""
    rounded = round(value, 6)
    return float(int(rounded)) if rounded.is_integer() else rounded
