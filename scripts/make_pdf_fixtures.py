"""Write the PDF test fixtures (fixtures/documents/pdf_*.pdf). Dev-only: needs reportlab and Pillow.

.venv/bin/python scripts/make_pdf_fixtures.py
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

OUT = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
FONT = "STSong-Light"

T3_ROWS = [
    ("一、本年新收政府信息公开申请数量", [12, 1, 0, 0, 2, 0, 15]),
    ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]),
    ("（一）予以公开", [6, 1, 0, 0, 1, 0, 8]),
    ("（二）部分公开", [2, 0, 0, 0, 0, 0, 2]),
    ("1.属于国家秘密", [0] * 7),
    ("2.其他法律行政法规禁止公开", [0] * 7),
    ("3.危及“三安全一稳定”", [0] * 7),
    ("4.保护第三方合法权益", [1, 0, 0, 0, 0, 0, 1]),
    ("5.属于三类内部事务信息", [0] * 7),
    ("6.属于四类过程性信息", [0] * 7),
    ("7.属于行政执法案卷", [0] * 7),
    ("8.属于行政查询事项", [0] * 7),
    ("1.本机关不掌握相关政府信息", [3, 0, 0, 0, 1, 0, 4]),
    ("2.没有现成信息需要另行制作", [0] * 7),
    ("3.补正后申请内容仍不明确", [0] * 7),
    ("1.信访举报投诉类申请", [0] * 7),
    ("2.重复申请", [0] * 7),
    ("3.要求提供公开出版物", [0] * 7),
    ("4.无正当理由大量反复申请", [0] * 7),
    ("5.要求行政机关确认或重新出具已获取信息", [0] * 7),
    ("1.申请人无正当理由逾期不补正", [0] * 7),
    ("2.申请人逾期未按收费通知要求缴纳费用", [0] * 7),
    ("3.其他", [0] * 7),
    ("（七）总计", [12, 1, 0, 0, 2, 0, 15]),
    ("四、结转下年度继续办理", [1, 0, 0, 0, 0, 0, 1]),
]


def _row(c: canvas.Canvas, y: float, label: str, values: list[object], size: float = 9) -> None:
    c.setFont(FONT, size)
    c.drawString(60, y, label)
    for i, v in enumerate(values):
        c.drawRightString(330 + i * 36, y, str(v))
    c.line(55, y - 4, 560, y - 4)


def template_pdf() -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(FONT, 14)
    c.drawString(150, 800, "示例区人民政府2021年政府信息公开工作年度报告")
    c.setFont(FONT, 10)
    c.drawString(60, 770, "一、总体情况")
    c.drawString(60, 752, "2021年，全区共受理政府信息公开申请15件。")
    c.drawString(60, 730, "二、主动公开政府信息情况")
    c.drawString(60, 712, "第二十条第（一）项")
    _row(c, 694, "信息内容", ["本年制发件数", "本年废止件数", "现行有效件数"])
    _row(c, 676, "规章", [0, 0, 2])
    _row(c, 658, "行政规范性文件", [5, 1, 40])
    c.drawString(60, 636, "第二十条第（五）项")
    _row(c, 618, "行政许可", [320])
    c.drawString(60, 596, "第二十条第（八）项  本年收费金额（单位：万元）")
    _row(c, 578, "行政事业性收费", ["12.5"])
    c.setFont(FONT, 10)
    c.drawString(60, 552, "三、收到和处理政府信息公开申请情况")
    _row(c, 534, "申请人情况", ["自然人", "商业", "科研", "公益", "法律", "其他", "总计"])
    y = 516.0
    for label, values in T3_ROWS[:14]:
        _row(c, y, label, list(values))
        y -= 18
    c.drawCentredString(300, 30, "- 1 -")
    c.showPage()
    y = 800
    for label, values in T3_ROWS[14:]:
        _row(c, y, label, list(values))
        y -= 18
    c.setFont(FONT, 10)
    c.drawString(60, y - 10, "四、政府信息公开行政复议、行政诉讼情况")
    c.setFont(FONT, 8)
    c.drawString(60, y - 28, "行政复议 结果维持 结果纠正 其他结果 尚未审结 总计")
    c.drawString(60, y - 40, "未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计")
    c.drawString(60, y - 56, "1 0 0 0 1 0 1 0 0 1 0 0 0 0 0")
    c.setFont(FONT, 10)
    c.drawString(60, y - 80, "五、存在的主要问题及改进情况")
    c.drawString(60, y - 98, "六、其他需要报告的事项")
    c.drawString(60, y - 116, "全年收取政府信息公开信息处理费0元。")
    c.drawCentredString(300, 30, "- 2 -")
    c.showPage()
    c.save()
    return buf.getvalue()


def image_only_pdf() -> bytes:
    img = Image.new("RGB", (200, 100), "white")
    for x in range(20, 180):
        img.putpixel((x, 50), (0, 0, 0))
    png = io.BytesIO()
    img.save(png, format="PNG")
    png.seek(0)
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(png), 50, 500, width=400, height=200)
    c.showPage()
    c.save()
    return buf.getvalue()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    table = template_pdf()
    (OUT / "pdf_template2021.pdf").write_bytes(table)
    (OUT / "pdf_image_only.pdf").write_bytes(image_only_pdf())
    (OUT / "pdf_truncated.pdf").write_bytes(table[: len(table) // 3])
    (OUT / "pdf_not_a_pdf.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)


if __name__ == "__main__":
    main()
