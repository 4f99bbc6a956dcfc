"""What the generated template-era test sets (make_tmpl_z.py, make_tmpl_w3.py) share.

The template's applicant columns and table-4 layout, and the rule for the keys a gold file derives
from the table cells (metrics.md: requests.* from table 3's 总计 column, reviews.* from table 4's
review group, lawsuits.* from its two lawsuit groups), so both sets state gold the same way.
"""

from __future__ import annotations

from typing import Any

APPL = ["natural_person", "business", "research", "nonprofit", "legal_services", "other_org"]
COLS = [*APPL, "total"]
APPL_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]

T4_GROUPS = ["review", "lawsuit_direct", "lawsuit_after_review"]
T4_COLS = ["upheld", "corrected", "other", "pending", "total"]
T4_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def derived_figures(t3: dict[str, list[Any]], t4: dict[str, list[Any]]) -> list[list[Any]]:
    """[metric, None, value] of the derived keys, from table 3 rows (7 columns) and table 4 groups."""

    def total(row: str) -> Any:
        return t3[row][6]

    def summed(prefix: str) -> Any:
        return sum(v[6] for k, v in t3.items() if k.startswith(prefix))

    figs: list[list[Any]] = [
        ["requests.received", None, total("new_received")],
        ["requests.carried_over", None, total("carried_over")],
        ["requests.answered", None, total("total")],
        ["requests.carried_forward", None, total("carried_forward")],
        ["requests.granted", None, total("granted")],
        ["requests.partially_granted", None, total("partially_granted")],
        ["requests.refused", None, summed("withheld.")],
        ["requests.unable", None, summed("unable.")],
        ["requests.not_processed", None, summed("not_processed.")],
    ]
    figs += [[f"reviews.{c}", None, t4["review"][i]] for i, c in enumerate(T4_COLS)]
    figs += [
        [f"lawsuits.{c}", None, t4["lawsuit_direct"][i] + t4["lawsuit_after_review"][i]]
        for i, c in enumerate(T4_COLS)
    ]
    return figs
