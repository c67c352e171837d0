"""Charts of the analysis as matplotlib Figures, drawn to PNG or SVG by render() (matplotlib, object API, the package's Korean font so Hangul renders).

Importing this module has no side effects; the Korean font is set up on the first chart.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from scatlas.taxonomy import DOMAIN_ORDER

NAMES = dict(DOMAIN_ORDER)
PALETTE = [
    "#1f5f8b",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
    "#4e79a7",
    "#8cd17d",
]
FUNCTION_COLOURS = {"정보제공": "#4e79a7", "문제해결": "#e15759", "기반구축": "#59a14f", None: "#bab0ac"}
#: Heat maps show at most this many municipalities (the largest plans); the tables carry all of them.
HEATMAP_ROWS = 40


@lru_cache(maxsize=1)
def korean_font() -> str:
    """Register the package's Korean font with matplotlib and make it the default; returns the font's path."""
    import matplotlib
    from matplotlib import font_manager

    from scatlas import fonts

    for bold in (False, True):
        font_manager.fontManager.addfont(str(fonts.ttf(bold)))
    matplotlib.rcParams["font.family"] = [fonts.FAMILY, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = True  # the font has U+2212
    matplotlib.rcParams["svg.fonttype"] = "path"
    return str(fonts.ttf())


#: Resolution of the charts inside report.html; the PNG files beside the report (and the PDF) use FILE_DPI.
PAGE_DPI = 110
FILE_DPI = 300


def _figure(width: float, height: float):
    korean_font()
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=PAGE_DPI)
    return fig


class MaxNLocator:  # resolved lazily: matplotlib stays off the import path of this module
    def __new__(cls, **kwargs):
        from matplotlib.ticker import MaxNLocator as _Locator

        return _Locator(**kwargs)


def _png(fig):
    return fig


def downscale(png: bytes, dpi: int = PAGE_DPI, source_dpi: int = FILE_DPI) -> bytes:
    """A PNG rendered at `source_dpi` resampled to `dpi` (cheaper than drawing the chart again)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        size = (max(1, round(img.width * dpi / source_dpi)), max(1, round(img.height * dpi / source_dpi)))
        small = img.convert("RGBA").resize(size, Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    small.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def render(fig, fmt: str = "png", dpi: int = PAGE_DPI) -> bytes:
    """A chart as PNG (at `dpi`) or SVG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=dpi, bbox_inches="tight", metadata={"Software": None} if fmt == "png" else None)
    return buf.getvalue()


def domain_bars(analysis: dict[str, Any]):
    """유형별 현황: the 12 domains as horizontal bars, largest on top, labelled 'n개 (x.x%)'."""
    rows = sorted(analysis["domains"], key=lambda d: (d["count"], -DOMAIN_INDEX[d["domain_id"]]))
    fig = _figure(7.5, 4.6)
    ax = fig.add_subplot()
    bars = ax.barh([d["domain"] for d in rows], [d["count"] for d in rows], color="#1f5f8b")
    top = max([d["count"] for d in rows] + [1])
    for bar, d in zip(bars, rows, strict=True):
        ax.text(
            bar.get_width() + top * 0.01,
            bar.get_y() + bar.get_height() / 2,
            f"{d['count']:,}개 ({100 * d['share']:.1f}%)",
            va="center",
            fontsize=8,
        )
    ax.set_xlim(0, top * 1.25)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("서비스 수")
    ax.set_title("분야별 스마트도시 서비스 현황")
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


DOMAIN_INDEX = {did: k for k, (did, _) in enumerate(DOMAIN_ORDER)}


def subtype_bars(analysis: dict[str, Any], domain_id: str = "transport"):
    """One domain's sub-types as bars with their share of the domain."""
    rows = analysis["subtypes"].get(domain_id, [])
    fig = _figure(7, 0.45 * max(len(rows), 3) + 1.2)
    ax = fig.add_subplot()
    labels = [r["label"] for r in rows][::-1]
    values = [r["count"] for r in rows][::-1]
    bars = ax.barh(labels, values, color="#f28e2b")
    top = max([*values, 1])
    for bar, r in zip(bars, rows[::-1], strict=True):
        ax.text(
            bar.get_width() + top * 0.01,
            bar.get_y() + bar.get_height() / 2,
            f"{r['count']:,}개 ({100 * r['share']:.1f}%)",
            va="center",
            fontsize=8,
        )
    ax.set_xlim(0, top * 1.3)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(f"{NAMES[domain_id]} 서비스 세부 유형")
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def function_by_domain(analysis: dict[str, Any]):
    """Stacked 100% bars: the function mix inside each domain that has services."""
    per = analysis["functions_by_domain"]
    domains = [d for d, _ in DOMAIN_ORDER if sum(x["count"] for x in per.get(d, [])) > 0][::-1]
    fig = _figure(7.5, 0.38 * max(len(domains), 3) + 1.4)
    ax = fig.add_subplot()
    left = [0.0] * len(domains)
    for function in ("정보제공", "문제해결", "기반구축", None):
        vals = []
        for d in domains:
            rows = {x["function"]: x for x in per[d]}
            vals.append(100 * rows[function]["share"] if function in rows else 0.0)
        if not any(vals):
            continue
        ax.barh(
            [NAMES[d] for d in domains], vals, left=left, color=FUNCTION_COLOURS[function], label=function or "미분류"
        )
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.set_xlim(0, 100)
    ax.set_xlabel("분야 내 비중(%)")
    ax.set_title("분야별 서비스 기능 구성")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False, fontsize=8)
    return _png(fig)


def municipality_heatmap(analysis: dict[str, Any]):
    """Municipality × domain shares as a heat map (the HEATMAP_ROWS largest municipalities)."""
    rows = sorted(analysis["by_municipality"], key=lambda m: -m["services"])[:HEATMAP_ROWS]
    rows.sort(key=lambda m: m["municipality"])
    cols = [d for d, _ in DOMAIN_ORDER]
    data = [[100 * m["shares"].get(d, 0.0) for d in cols] for m in rows]
    fig = _figure(9, 0.3 * max(len(rows), 4) + 2)
    ax = fig.add_subplot()
    vmax = max([v for r in data for v in r] + [1])
    im = ax.imshow(data or [[0] * len(cols)], aspect="auto", cmap="Blues", vmin=0, vmax=vmax)
    ax.set_xticks(range(len(cols)), [NAMES[c] for c in cols], rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(rows)), [m["municipality"] for m in rows], fontsize=8)
    if len(rows) <= 25:
        for i, r in enumerate(data):
            for j, v in enumerate(r):
                if v:
                    ax.text(
                        j,
                        i,
                        f"{v:.0f}",
                        ha="center",
                        va="center",
                        fontsize=6,
                        color="white" if v > 0.55 * vmax else "black",
                    )
    fig.colorbar(im, ax=ax, label="자치단체 내 비중(%)")
    title = "자치단체 × 분야 서비스 비중"
    if len(analysis["by_municipality"]) > HEATMAP_ROWS:
        title += f" (서비스가 많은 {HEATMAP_ROWS}곳)"
    ax.set_title(title)
    return _png(fig)


def reference_bars(analysis: dict[str, Any]):
    """Our domain shares beside the reference study's, where the study gives one."""
    rows = analysis["reference"]["domains"]
    fig = _figure(8, 4)
    ax = fig.add_subplot()
    xs = range(len(rows))
    ax.bar([x - 0.2 for x in xs], [100 * r["share"] for r in rows], width=0.4, label="이 목록", color="#1f5f8b")
    known = [(x, r) for x, r in zip(xs, rows, strict=True) if r["reference_share"] is not None]
    ax.bar(
        [x + 0.2 for x, _ in known],
        [100 * r["reference_share"] for _, r in known],
        width=0.4,
        label="참고 연구(공표·도출치)",
        color="#f28e2b",
    )
    ax.set_xticks(list(xs), [r["domain"] for r in rows], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("비중(%)")
    ax.set_title("분야별 비중: 이 목록과 참고 연구 (참고 연구 미공표 분야는 막대 없음)")
    ax.legend(frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def technology_bars(analysis: dict[str, Any], top: int = 15):
    rows = analysis["technologies"][:top][::-1]
    fig = _figure(7, 0.32 * max(len(rows), 3) + 1.2)
    ax = fig.add_subplot()
    ax.barh([r["technology"] for r in rows], [r["count"] for r in rows], color="#59a14f")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("서비스 수")
    ax.set_title("적용 기술 빈도")
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def trend_lines(analysis: dict[str, Any]):
    """Domain shares across plan periods (None when fewer than two periods)."""
    t = analysis["trends"]
    if not t["available"]:
        return None
    periods = list(t["domains"][0]["shares"])
    fig = _figure(8, 5.2)
    ax = fig.add_subplot()
    markers = "osD^v<>ph*Xd"
    for k, d in enumerate(t["domains"]):
        vals = [100 * d["shares"][p] for p in periods]
        if any(vals):
            ax.plot(
                periods,
                vals,
                marker=markers[k % len(markers)],
                linewidth=1.8,
                markersize=5,
                label=d["domain"],
                color=PALETTE[k % len(PALETTE)],
            )
    ax.set_ylabel("비중(%)")
    ax.set_title("계획 기간별 분야 비중")
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.legend(fontsize=8.5, ncol=4, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.12))
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def all_charts(analysis: dict[str, Any]):
    """Every chart of the report as a matplotlib Figure, by name (trends only when there are periods to compare)."""
    charts = {
        "domains": domain_bars(analysis),
        "transport_subtypes": subtype_bars(analysis, "transport"),
        "functions": function_by_domain(analysis),
        "municipalities": municipality_heatmap(analysis),
        "reference": reference_bars(analysis),
        "technologies": technology_bars(analysis),
    }
    trend = trend_lines(analysis)
    if trend is not None:
        charts["trends"] = trend
    return charts
