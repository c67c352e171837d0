"""Short Korean findings generated from the numbers, in the register of the reference study.

e.g. '방범·방재 서비스가 59개(20.0%)로 가장 많고, 물류 서비스가 2개(0.7%)로 가장 적었다.'
"""

from __future__ import annotations

from typing import Any

from scatlas.taxonomy import DOMAIN_ORDER

NAMES = dict(DOMAIN_ORDER)
_DIGIT_BATCHIM = {
    "0": True,
    "1": True,
    "2": False,
    "3": True,
    "4": False,
    "5": False,
    "6": True,
    "7": True,
    "8": True,
    "9": False,
}


def has_batchim(word: str) -> bool:
    """Whether the word ends in a final consonant (decides 이/가, 은/는, 과/와)."""
    word = word.rstrip(")]'\" ")
    if not word:
        return False
    last = word[-1]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28 != 0
    if last in _DIGIT_BATCHIM:
        return _DIGIT_BATCHIM[last]
    return last.lower() in "lmn"


def josa(word: str, with_batchim: str, without: str) -> str:
    """word + the particle form that fits it: josa('목포시', '이', '가') → '목포시가'."""
    return word + (with_batchim if has_batchim(word) else without)


def pct(share: float | None) -> str:
    """A share as the study prints it: 0.2 → '20.0%'; None → '—'."""
    return "—" if share is None else f"{100 * share:.1f}%"


def pp(value: float) -> str:
    """Percentage points with their sign, the minus as U+2212: −0.9%p, +1.2%p, 0.0%p."""
    text = f"{value:+.1f}"
    return ("0.0" if text in ("+0.0", "-0.0") else text.replace("-", "\u2212")) + "%p"


def join_words(words: list[str]) -> str:
    """A Korean list: 'A', 'A 및 B', 'A, B 및 C' (never '·', which domain names such as 근로·고용 use themselves)."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " 및 " + words[-1]


def _join(words: list[str]) -> str:
    """A sentence subject: 'A와 B' for two, else join_words."""
    if len(words) == 2:
        return josa(words[0], "과", "와") + " " + words[1]
    return join_words(words)


def domains(analysis: dict[str, Any]) -> list[str]:
    """The 유형별 현황 sentence: the largest and smallest domains, and the empty ones."""
    t = analysis["totals"]
    rows = analysis["domains"]
    if not t["services"]:
        return ["분석할 서비스가 없다."]
    nonzero = [r for r in rows if r["count"] > 0]
    if not nonzero:
        return [
            (
                f"{t['services']:,}개 서비스 모두 분야가 정해지지 않았다('미분류'). 자동 분류(scatlas ingest --code) "
                "또는 검토 후 다시 분석한다."
            )
        ]
    top = max(r["count"] for r in rows)
    low = min(r["count"] for r in nonzero)
    tops = [r for r in rows if r["count"] == top]
    lows = [r for r in nonzero if r["count"] == low]
    top_s = _join([r["domain"] for r in tops]) + " 서비스가 " + ("각각 " if len(tops) > 1 else "")
    head = (
        f"{t['municipalities']}개 자치단체의 스마트도시계획 {t['plans']}건에 포함된 {t['services']:,}개 "
        f"스마트도시 서비스의 유형별 분포를 살펴보면, {top_s}{top:,}개({pct(tops[0]['share'])})로 가장 많고"
    )
    if low < top:
        low_s = _join([r["domain"] for r in lows]) + " 서비스가 " + ("각각 " if len(lows) > 1 else "")
        head += f", {low_s}{low:,}개({pct(lows[0]['share'])})로 가장 적었다."
    else:
        head += "."
    out = [head]
    empty = [r["domain"] for r in rows if r["count"] == 0]
    if empty:
        out.append(
            f"{_join(empty)} 분야에는 계획된 서비스가 없었다."
            if len(empty) <= 3
            else f"{empty[0]} 등 {len(empty)}개 분야에는 계획된 서비스가 없었다."
        )
    if analysis["unlabelled"]["count"]:
        out.append(
            f"분야를 정하지 못한 서비스 {analysis['unlabelled']['count']:,}개"
            f"({pct(analysis['unlabelled']['share'])})는 '미분류'로 따로 집계하였다."
        )
    return out


def subtypes(analysis: dict[str, Any], domain_id: str = "transport") -> list[str]:
    """The sub-type sentence of one domain (교통's four groups by default)."""
    table = [t for t in analysis["subtypes"].get(domain_id, []) if t["subtype"] is not None]
    total = sum(t["count"] for t in analysis["subtypes"].get(domain_id, []))
    if not total:
        return [f"{NAMES[domain_id]} 서비스가 없어 세부 유형을 나눌 수 없다."]
    ranked = sorted(table, key=lambda t: -t["count"])
    first = ranked[0]
    rest = [f"{t['label']}({pct(t['share'])})" for t in ranked[1:] if t["count"] < first["count"]]
    s = (
        f"{total:,}개의 {NAMES[domain_id]} 서비스 내용을 살펴보면, {first['label']} 관련 서비스가 "
        f"{pct(first['share'])}로 가장 높은 비율을 차지하고 있으며"
    )
    s += f", {', '.join(rest[-2:])} 등은 상대적으로 낮은 비율로 나타났다." if rest else "."
    return [s]


def functions(analysis: dict[str, Any]) -> list[str]:
    """The function sentence: how much is information provision versus acting on the problem."""
    f = {x["function"]: x for x in analysis["functions"]}
    if not any(x["count"] for x in analysis["functions"] if x["function"]):
        return ["기능(정보제공·문제해결·기반구축)이 정해진 서비스가 없다."]
    out = [
        (
            f"기능별로는 정보제공형이 {pct(f['정보제공']['share'])}, 문제해결형이 {pct(f['문제해결']['share'])}, "
            f"기반구축형이 {pct(f['기반구축']['share'])}이다."
        )
    ]
    per = analysis["functions_by_domain"]
    info = [(NAMES[d], {x["function"]: x for x in rows}) for d, rows in per.items() if d in NAMES]
    info = [(n, r) for n, r in info if sum(x["count"] for x in r.values()) >= 3]
    if info:
        name, r = max(info, key=lambda nr: nr[1]["정보제공"]["share"])
        out.append(
            f"정보제공형 비중이 가장 높은 분야는 {name}({pct(r['정보제공']['share'])})로, "
            "수집한 정보를 보여주는 데 그치고 직접 문제를 해결하는 서비스는 적었다."
            if r["정보제공"]["share"] > 0.5
            else f"정보제공형 비중이 가장 높은 분야는 {name}({pct(r['정보제공']['share'])})이다."
        )
    return out


def target_groups(analysis: dict[str, Any]) -> list[str]:
    """Which groups services single out."""
    rows = [t for t in analysis["target_groups"] if t["target_group"] not in (None, "일반") and t["count"]]
    if not rows:
        return ["일반 주민 외에 대상을 특정한 서비스는 없었다."]
    rows.sort(key=lambda t: -t["count"])
    named = ", ".join(f"{t['target_group']}({t['count']:,}개, {pct(t['share'])})" for t in rows[:3])
    out = [f"대상을 특정한 서비스 중에서는 {named} 순으로 많았다."]
    safety = analysis.get("target_groups_by_domain", {}).get("safety", {})
    specific = {g: v for g, v in safety.items() if g != "일반"}
    if specific:
        top = max(specific, key=lambda g: specific[g])
        out.append(
            f"방범·방재 서비스에서는 {josa(top, '이', '가')} 대상인 서비스가 {pct(specific[top])}로 "
            "일반 외 대상 중 가장 많았다."
        )
    return out


def technologies(analysis: dict[str, Any]) -> list[str]:
    rows = analysis["technologies"]
    if not rows:
        return ["서비스 설명에서 적용 기술이 확인되지 않았다."]
    top = rows[0]
    rest = ", ".join(t["technology"] for t in rows[1:4])
    return [
        f"가장 많이 활용된 기술은 {top['technology']}({top['count']:,}개 서비스, {pct(top['share'])})이며"
        + (f", 그 다음은 {rest} 순이다." if rest else "이다.")
    ]


def archetypes(analysis: dict[str, Any]) -> list[str]:
    s = analysis["archetype_summary"]
    if not s["archetypes"]:
        return ["여러 자치단체가 공통으로 계획한 유사 서비스는 발견되지 않았다."]
    top = analysis["archetypes"][0]
    out = [
        (
            f"둘 이상의 자치단체가 계획한 유사 서비스 유형은 {s['archetypes']:,}개이며, 전체 서비스의 "
            f"{pct(s['share_in_archetypes'])}가 이에 속한다. 가장 많은 자치단체가 계획한 것은 "
            f"'{top['label']}'({top['municipalities']:,}개 자치단체)이다."
        )
    ]
    if s.get("shared_archetypes"):
        out.append(
            f"{s['shared_by']}곳 이상의 자치단체가 함께 계획한 유형은 {s['shared_archetypes']:,}개이며, 전체 서비스의 "
            f"{pct(s['share_in_shared'])}가 이런 유형에 속한다."
        )
    if s["generic_archetypes"]:
        out.append(
            f"자치단체 절반 이상({s['generic_threshold']}곳 이상)이 함께 계획한 보편적 서비스 유형은 "
            f"{s['generic_archetypes']:,}개로, 전체 서비스의 {pct(s['share_in_generic'])}를 차지한다."
        )
    return out


def distinctiveness(analysis: dict[str, Any]) -> list[str]:
    rows = analysis["distinctiveness"]
    if len(rows) < 2:
        return []
    mean = sum(r["index"] for r in rows) / len(rows)
    hi = max(rows, key=lambda r: r["index"])
    lo = min(rows, key=lambda r: r["index"])
    out = [
        (
            f"자치단체별 차별성 지수(고유하거나 소수 자치단체만 계획한 서비스의 비중)는 평균 {pct(mean)}이며, "
            f"{josa(hi['municipality'], '이', '가')} {pct(hi['index'])}로 가장 높고 "
            f"{josa(lo['municipality'], '이', '가')} {pct(lo['index'])}로 가장 낮았다."
        )
    ]
    if "shared_share" in rows[0]:
        shared = sum(r["shared_share"] for r in rows) / len(rows)
        by = analysis["archetype_summary"].get("shared_by", 3)
        out.append(
            f"한 계획의 서비스 가운데 {by}곳 이상의 자치단체가 함께 계획한 유형에 속하는 비중은 평균 {pct(shared)}이다."
        )
    return out


def concentration(analysis: dict[str, Any]) -> list[str]:
    rows = [r for r in analysis["concentration"] if r["labelled"]]
    if not rows:
        return []
    far = max(rows, key=lambda r: r["js_distance"])
    mean = sum(r["hhi"] for r in rows) / len(rows)
    return [
        (
            f"계획별 분야 집중도(HHI)는 평균 {mean:.3f}이며, 전체 분야 구성과 가장 다른 계획은 "
            f"{far['plan_title'] or far['municipality']}(JS 거리 {far['js_distance']:.3f})이다."
        )
    ]


def consistency(analysis: dict[str, Any]) -> list[str]:
    c = analysis["consistency"]
    if not c["compared"]:
        return ["계획서가 분야를 밝힌 서비스가 없어 자동 분류와 비교할 수 없다."]
    return [
        (
            f"계획서가 밝힌 분야와 자동 분류를 비교할 수 있는 {c['compared']:,}개 서비스 중 "
            f"{c['disagree']:,}개({pct(1 - c['agreement'])})는 분야가 서로 달랐다."
        )
    ]


def reference(analysis: dict[str, Any]) -> list[str]:
    out = []
    for f in analysis["reference"]["figures"]:
        if (
            f["key"].startswith("domain.")
            and f["key"].endswith(".share")
            and f["ours"] is not None
            and f["status"] == "published"
        ):
            did = f["key"].split(".")[1]
            diff = 100 * (f["ours"] - f["reference"])
            word = "높다" if diff > 0.05 else "낮다" if diff < -0.05 else "같다"
            tail = f"{pp(diff)} {word}" if word != "같다" else "같다"
            out.append(
                f"참고 연구의 {NAMES[did]} 비중 {pct(f['reference'])}에 비해 이 목록은 {pct(f['ours'])}로 {tail}."
            )
    return out or ["참고 연구와 비교할 수 있는 수치가 없다."]


def trends(analysis: dict[str, Any]) -> list[str]:
    t = analysis["trends"]
    if not t["available"]:
        return [t.get("note", "")]
    up = max(t["domains"], key=lambda d: d["change_pp"])
    down = min(t["domains"], key=lambda d: d["change_pp"])
    return [
        (
            f"{t['first']} 계획에 비해 {t['last']} 계획에서는 {up['domain']} 비중이 가장 크게 늘었고"
            f"({pp(up['change_pp'])}), {down['domain']} 비중이 가장 크게 줄었다({pp(down['change_pp'])})."
        )
    ]


def diagnosis(d: dict[str, Any]) -> list[str]:
    """A municipality's diagnosis in two to five sentences."""
    m = d["municipality"]
    mix = sorted(d["domain_mix"], key=lambda x: -x["count"])
    out = []
    if d["services"]:
        top = mix[0]
        out.append(
            f"{m}의 계획에는 {d['services']:,}개 서비스가 있으며, {top['domain']} 서비스가 "
            f"{top['count']:,}개({pct(top['share'])})로 가장 많다."
        )
        over = max(d["domain_mix"], key=lambda x: x["difference_pp"])
        if over["difference_pp"] >= 5:
            out.append(f"전체 계획과 비교하면 {over['domain']} 비중이 {pp(over['difference_pp'])} 높다.")
    f = {x["function"]: x for x in d["function_mix"]}
    if d["services"]:
        out.append(
            f"정보제공형 서비스 비중은 {pct(f['정보제공']['share'])}로 전체 평균"
            f"({pct(f['정보제공']['overall_share'])})보다 "
            f"{'높다' if f['정보제공']['share'] > f['정보제공']['overall_share'] else '낮거나 같다'}."
        )
    if d["generic_services"]:
        names = ", ".join(f"'{g['label']}'" for g in d["generic_services"][:3])
        out.append(
            f"다른 자치단체 다수가 함께 계획한 보편적 서비스로는 {names} 등 {len(d['generic_services'])}개가 있다."
        )
    if d["distinctive_services"]:
        names = ", ".join(f"'{s['name']}'" for s in d["distinctive_services"][:3])
        out.append(f"다른 자치단체에서 찾기 어려운 서비스로는 {names} 등이 있다.")
    if d["empty_domains"]:
        names = _join([e["domain"] for e in d["empty_domains"][:4]])
        out.append(f"다른 자치단체 절반 이상이 계획한 {names} 분야에는 서비스가 없다.")
    if d["disagreements"]:
        out.append(f"계획서의 분야와 자동 분류가 다른 서비스가 {len(d['disagreements'])}개 있다.")
    return out


SECTIONS = {
    "domains": domains,
    "subtypes": subtypes,
    "functions": functions,
    "target_groups": target_groups,
    "technologies": technologies,
    "archetypes": archetypes,
    "distinctiveness": distinctiveness,
    "concentration": concentration,
    "consistency": consistency,
    "reference": reference,
    "trends": trends,
}


def all_findings(analysis: dict[str, Any]) -> dict[str, list[str]]:
    """section → its Korean sentences."""
    return {name: fn(analysis) for name, fn in SECTIONS.items()}
