"""The region registry: every way a report names a place lands on one current code."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_harvester import regions
from report_harvester.errors import PatternError
from report_harvester.registry import patterns_dir


@pytest.fixture(scope="module")
def reg() -> regions.Registry:
    return regions.registry()


def codes(rs: list[regions.Region]) -> list[str]:
    return sorted(r.code for r in rs)


def test_registry_covers_all_levels(reg: regions.Registry) -> None:
    levels = [r.level for r in reg]
    assert levels.count("province") == 34
    assert 330 <= levels.count("prefecture") <= 340
    assert 2800 <= levels.count("county") <= 2900


def test_by_code_current_and_retired(reg: regions.Registry) -> None:
    anzhou = reg.get("510705")
    assert anzhou is not None and anzhou.name == "安州区" and anzhou.level == "county"
    assert anzhou.parent == "510700"
    assert reg.get("510724") == anzhou  # 安县's code before 2016
    assert reg.get("320829") == reg.get("320813")  # 洪泽县 -> 洪泽区
    assert reg.get("999999") is None


def test_mianyang_by_prefix(reg: regions.Registry) -> None:
    # domain.md lists Mianyang and its county-level divisions
    assert codes(reg.by_prefix("5107")) == [
        "510700", "510703", "510704", "510705", "510722", "510723", "510725", "510726", "510727", "510781",
    ]  # fmt: skip
    assert reg.by_prefix("5199") == []


def test_lookup_by_every_form(reg: regions.Registry) -> None:
    for form in (
        "安州区",
        "绵阳市安州区",
        "四川省绵阳市安州区",
        "安州",
        "安县",
        "510705",
        "510724",
        "四川省 绵阳市 安州区",
    ):
        assert codes(reg.lookup(form)) == ["510705"], form
    assert codes(reg.by_former("安县")) == ["510705"]
    assert codes(reg.by_short("安州")) == ["510705"]
    assert reg.by_name("安州") == []  # a short name is not a name
    assert reg.lookup("不存在的地方") == []


def test_shared_names_stay_ambiguous(reg: regions.Registry) -> None:
    gulou = reg.by_name("鼓楼区")
    assert len(gulou) >= 3
    assert codes(reg.lookup("福州市鼓楼区")) == ["350102"]
    # a current name outranks a former one spelled alike: 桥西区 is current in 石家庄
    assert "130104" in codes(reg.lookup("桥西区"))
    assert codes(reg.lookup("邢台市桥西区")) == ["130503"]  # merged into 信都区 in 2020


def test_alias_from_pattern_file(reg: regions.Registry) -> None:
    alias = reg.alias("平潭综合实验区")
    assert alias is not None and alias.code == "350128" and alias.issuer == "平潭综合实验区管委会"
    assert codes(reg.lookup("平潭综合实验区")) == ["350128"]


def test_match_prefix_reads_segments(reg: regions.Registry) -> None:
    m = reg.match_prefix("绵阳市安州区统计局")
    assert m is not None and m.region is not None
    assert (m.region.code, m.end) == ("510705", 6)
    m = reg.match_prefix("北京市海淀区人民政府")
    assert m is not None and m.region is not None and m.region.code == "110108"
    # short names are words too: 公安局 must not become 公安县
    assert reg.match_prefix("公安局") is None
    m = reg.match_prefix("公安", shorts=True)
    assert m is not None and m.region is not None and m.region.name == "公安县"


def test_display_and_government_names(reg: regions.Registry) -> None:
    def gov(code: str) -> str:
        r = reg.get(code)
        assert r is not None
        return reg.government_name(r)

    assert gov("510705") == "绵阳市安州区人民政府"
    assert gov("320813") == "淮安市洪泽区人民政府"
    assert gov("350128") == "平潭县人民政府"
    assert gov("110108") == "北京市海淀区人民政府"
    assert gov("320800") == "淮安市人民政府"
    assert gov("652900") == "阿克苏地区行政公署"
    r = reg.get("510705")
    assert r is not None and reg.full_name(r) == "四川省绵阳市安州区"
    assert [a.code for a in reg.ancestors(r)] == ["510000", "510700"]


def test_province_administered_and_municipal_parents(reg: regions.Registry) -> None:
    xiantao = reg.get("429004")
    assert xiantao is not None and xiantao.parent == "420000"
    haidian = reg.get("110108")
    assert haidian is not None and haidian.parent == "110000"


def test_disambiguate_by_context(reg: regions.Registry) -> None:
    gulou = reg.by_name("鼓楼区")
    picked = reg.disambiguate(gulou, "福州市鼓楼区人民政府办公室，地址：福建省福州市")
    assert picked is not None and picked.code == "350102"
    assert reg.disambiguate(gulou, "本区政府信息公开工作") is None


def test_renames_point_at_current_codes(reg: regions.Registry) -> None:
    # the hand-kept file must only name codes the generated registry has (load() checks too)
    path = patterns_dir() / "region_renames.csv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "old_name")) or not line.strip():
            continue
        old_name, old_code, new_code, year = line.split(",")
        new = reg.get(new_code)
        assert new is not None and new.code == new_code, line
        assert reg.get(old_code) == new, line
        assert new in reg.by_former(old_name) or new.name == old_name, line
        assert 1990 < int(year) < 2100


def test_bad_rename_is_reported(tmp_path: Path) -> None:
    src = patterns_dir()
    (tmp_path / "regions.csv").write_text((src / "regions.csv").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "region_aliases.csv").write_text("alias,code,issuer,why\n", encoding="utf-8")
    (tmp_path / "region_renames.csv").write_text(
        "old_name,old_code,new_code,year\n某县,999901,999999,2020\n", encoding="utf-8"
    )
    with pytest.raises(PatternError):
        regions.load(tmp_path)


def test_registry_is_cached() -> None:
    assert regions.registry() is regions.registry()
    assert regions.get("510724") == regions.registry().get("510705")
