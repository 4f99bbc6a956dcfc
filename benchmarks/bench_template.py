"""Template-table throughput: reports per second by layout, PDF ms per page, peak RSS.

    .venv/bin/python benchmarks/bench_template.py [N]

Generates N (default 200) 2021-template reports with random cell values, as a mix of the layouts
the extractor meets, and times template.extract + run_checks on each:

  grid    70%  HTML/DOCX reports: the parser hands over the tables as grids and the text carries
               the same rows with the cells separated (tabs), as most real reports are;
  spaced  15%  flattened text whose cells kept their spaces (text layers, copied tables);
  run     15%  flattened text with each row's digits run together (6400 2 0470 -> split by the
               table identities), the hard case.

Prints reports/s for each kind and for the mix (CPU time, so other load on the machine counts
less), then the PDF figures from the shared corpus and the fixture when present.
"""

from __future__ import annotations

import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from report_harvester.check import run_checks  # noqa: E402
from report_harvester.extract import template  # noqa: E402
from report_harvester.models import Identity, ParsedDocument, Table  # noqa: E402

T3 = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理",
    "（七）总计",
    "四、结转下年度继续办理",
]


def report(rng: random.Random) -> tuple[str, str, ParsedDocument]:
    """One report as run-together text, spaced text and an HTML-like parsed document."""
    rows: list[tuple[str, list[int]]] = []
    outcome: list[list[int]] = []
    for label in T3[2:21]:
        cells = [rng.choice([0, 0, 0, rng.randint(1, 40)]) for _ in range(6)]
        outcome.append(cells)
        rows.append((label, [*cells, sum(cells)]))
    total = [sum(c[i] for c in outcome) for i in range(6)]
    carried_forward = [rng.choice([0, 1]) for _ in range(6)]
    carried_over = [0] * 6
    new = [t + f for t, f in zip(total, carried_forward, strict=True)]
    rows = [
        (T3[0], [*new, sum(new)]),
        (T3[1], [*carried_over, 0]),
        *rows,
        (T3[21], [*total, sum(total)]),
        (T3[22], [*carried_forward, sum(carried_forward)]),
    ]
    t4 = []
    for _ in range(3):
        g = [rng.randint(0, 3) for _ in range(4)]
        t4 += [*g, sum(g)]
    t2 = {"rules": [0, 0, 0], "normative": [rng.randint(1, 30), 0, rng.randint(31, 300)]}
    licensing = rng.randint(10, 9999)
    prose = "一、总体情况" + "本机关认真贯彻落实条例，主动公开政府信息。" * 40
    tail = "五、存在的主要问题及改进情况" + prose

    def text(sep: str) -> str:
        def cells(vs: list[int]) -> str:
            return sep.join(map(str, vs))

        return (
            prose
            + "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
            + f"规章{sep}{cells(t2['rules'])}{sep}行政规范性文件{sep}{cells(t2['normative'])}"
            + f"第二十条第（五）项信息内容本年处理决定数量行政许可{sep}{licensing}"
            + "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
            + "".join(label + sep + cells(vs) + sep for label, vs in rows)
            + "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
            + cells(t4)
            + tail
        )

    # the HTML parser's shape: one text line per table row, cells tab-separated, and the grids
    t3_grid = [
        ["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    ]
    t3_grid += [[label, *map(str, vs)] for label, vs in rows]
    t4_grid = [
        ["行政复议"] * 5 + ["行政诉讼"] * 10,
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        + ["未经复议直接起诉"] * 5
        + ["复议后起诉"] * 5,
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3,
        [str(v) for v in t4],
    ]
    t2_grid = [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", *map(str, t2["rules"])],
        ["行政规范性文件", *map(str, t2["normative"])],
        ["信息内容", "本年处理决定数量"],
        ["行政许可", str(licensing)],
    ]
    grids = [t2_grid, t3_grid, t4_grid]
    lines = [prose, "二、主动公开政府信息情况"]
    lines += ["\t".join(r) for r in t2_grid]
    lines.append("三、收到和处理政府信息公开申请情况")
    lines += ["\t".join(r) for r in t3_grid]
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    lines += ["\t".join(r) for r in t4_grid]
    lines.append(tail)
    html = ParsedDocument(
        text="\n".join(lines), tables=[Table(rows=g) for g in grids], media_type="text/html"
    )
    return text(""), text(" "), html


MIX = (("grid", 70), ("spaced", 15), ("run", 15))  # percent of the generated reports


def bench_reports(n: int) -> None:
    rng = random.Random(7)
    docs: dict[str, list[ParsedDocument]] = {kind: [] for kind, _ in MIX}
    slots = [kind for kind, pct in MIX for _ in range(pct)]
    for i in range(n):
        run, spaced, html = report(rng)
        kind = slots[i * len(slots) // n] if n >= len(slots) else slots[(i * 37) % len(slots)]
        docs[kind].append(
            {"grid": html, "spaced": ParsedDocument(text=spaced), "run": ParsedDocument(text=run)}[kind]
        )
    for kind_docs in docs.values():
        if kind_docs:
            template.extract(kind_docs[0])
    mix_n = 0
    mix_t = 0.0
    mix_fig = 0
    for kind, _ in MIX:
        if not docs[kind]:
            continue
        t0 = time.process_time()
        nfig = 0
        for d in docs[kind]:
            res = template.extract(d)
            run_checks(res.figures, Identity())
            nfig += len(res.figures)
        dt = time.process_time() - t0
        k = len(docs[kind])
        mix_n, mix_t, mix_fig = mix_n + k, mix_t + dt, mix_fig + nfig
        print(
            f"  {kind:6}: {k} reports in {dt:.2f} s CPU = {k / dt:.0f} reports/s ({dt / k * 1000:.2f} ms each), {nfig} figures"
        )
    print(
        f"template reports (mix {', '.join(f'{k} {p}%' for k, p in MIX)}): {mix_n} in {mix_t:.2f} s CPU"
        f" = {mix_n / mix_t:.0f} reports/s ({mix_t / mix_n * 1000:.2f} ms each), {mix_fig} figures"
    )


def bench_pdf() -> None:
    from report_harvester.parse.pdf import parse_pdf

    corpus = sorted((ROOT.parent / "shared" / "corpus").glob("*.pdf"))
    pdfs = [*corpus, ROOT / "fixtures/documents/pdf_template2021.pdf"]
    pages = 0
    total = 0.0
    for p in pdfs:
        if not p.exists():
            continue
        data = p.read_bytes()
        parse_pdf(data, p.name)
        t0 = time.perf_counter()
        for _ in range(5):
            doc = parse_pdf(data, p.name)
            template.extract(doc)
        dt = (time.perf_counter() - t0) / 5
        import pypdfium2 as pdfium

        npages = len(pdfium.PdfDocument(data))
        pages += npages
        total += dt
        print(
            f"  {p.name}: {npages} pages, {dt * 1000:.1f} ms = {dt / npages * 1000:.1f} ms/page (parse + template)"
        )
    if pages:
        print(f"PDF: {total / pages * 1000:.1f} ms/page over {pages} pages")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    bench_reports(n)
    bench_pdf()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS {rss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
