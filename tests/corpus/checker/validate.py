#!/usr/bin/env python3
"""Self-check of the figure-checker acceptance corpus (see README.md).

Loads every ``NN-*.yaml`` article next to this script (or the files given)
and checks that the corpus says what it claims:

* every quote / distractor / error / rounding-variant substring occurs at the
  stated occurrence in the stated part, on a number boundary;
* every number in the text (outside HTML tags) is covered by a quote or a
  distractor, except bare years (1990-2035);
* every figure a reading names (directly or as an input of a derived reading)
  is in ``data``; ``in_blocks`` agrees with the blocks' selections;
* the printed number agrees with the reading as ``expect`` says
  (``match``: equal to the exact value rounded to the printed precision;
  ``rounding``: not equal, but inside what rounding allows);
* errors really break the quote (the edited text is a mismatch), rounding
  variants really do not (the edited text is a match or a rounding);
* the data is consistent (all = kcqg + kcdp, region = sum of its members,
  content "all" = sum of a declared partition, the same figure has the same
  value in every file).

Needs Python 3.11+ and PyYAML.  Usage: ``python validate.py [-v] [files]``.
Exit status 0 when everything passes.
"""

from __future__ import annotations

import argparse
import datetime
import glob
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal as D, getcontext

import yaml

getcontext().prec = 60

HERE = os.path.dirname(os.path.abspath(__file__))

BUILTIN_INDICATORS = {"kinh-phi-khuyen-cong": "vnd", "doanh-thu-tu-van": "vnd"}
FUNDS = {"all", "kcqg", "kcdp"}
MEASURES = {"plan", "executed", "estimate", "target"}
PARTS = ("title", "lead", "body")
QUOTE_KINDS = {"amount", "percent", "count", "pair", "ratio_times", "points"}
OPS = {"ratio", "share", "change", "difference", "sum", "times", "points_change"}
PERCENT_OPS = {"ratio", "share", "change"}
SIGNED_OPS = {"change", "difference", "points_change"}
EXPECTS = {"match", "rounding"}
ERROR_KINDS = (
    "wrong_value",
    "plan_executed_swapped",
    "wrong_year",
    "kcqg_kcdp_swapped",
    "ty_for_trieu",
    "wrong_base_for_share",
    "tang_for_giam",
    "count_off_by_one",
    "wrong_area",
    "wrong_period",
)
STYLES = (
    "regional_conference",
    "year_end_review",
    "months_update",
    "programme_launch",
    "national_summary",
    "brief",
    "interview",
    "table_report",
    "merger_comparison",
    "programme_contents",
    "event_news",
    "plan_allocation",
    "opinion",
    "post_merger_review",
    "decision",
    "faq",
    "retrospective",
    "press_release",
    "audit_findings",
    "speech",
    "two_province_comparison",
    "news_in_numbers",
    "council_questioning",
    "wide_table",
    "beneficiary_profile",
    "correction_notice",
    "quarterly_progress",
    "newsletter_digest",
    "mid_year_plan_adjustment",
    "radio_transcript",
    "region_ranking",
    "voter_petition_answer",
    "press_conference",
    "photo_story",
    "annual_report_summary",
    "district_story",
    "data_journalism",
    "midterm_review",
    "social_thread",
    "meeting_minutes",
    "disbursement_dispatch",
    "infographic_text",
    "live_blog",
    "press_report_response",
    "next_year_plan",
    "statistical_yearbook",
    "tv_news_script",
    "reader_letter",
    "budget_estimate_submission",
    "commune_social_post",
    "html_yoy_table",
    "bilingual_summary",
    "quick_qa_sidebar",
    "inspection_conclusion",
    "enterprise_press_release",
    "statistics_bulletin",
    "pdf_paste_report",
    "chart_alt_text",
    "training_course_report",
    "trade_fair_wrapup",
    "pdf_pasted_report",
    "chart_descriptions",
    "spelled_units_explainer",
    "zalo_oa_bulletin",
    "deputy_question_answer",
    "correction_appended",
    "director_year_end_letter",
    "fact_check",
    "podcast_transcript",
    "committee_report_appendix",
    "emagazine_longform",
    "young_readers_explainer",
    "month_by_month_timeline",
    "business_association_newsletter",
    "telegram_press_release",
    "editorial",
    "supervision_minutes",
    "slideshow_script",
    "three_year_plan_perspective",
    "cooperative_success_story",
    "internal_review_bullets",
    "economist_op_ed",
    "application_checklist",
    "budget_estimate_hearing",
    "donor_fact_sheet",
    "press_review",
    "district_comparison_feature",
    "council_resolution_explanatory_note",
    "business_magazine_investigation",
    "awards_ceremony_speech",
    "centre_monthly_briefing_minutes",
    "year_top_ten_events",
    "budget_settlement_report",
    "tv_talk_show_transcript",
    "open_letter_to_enterprises",
    "party_congress_political_report",
    "news_agency_wire",
    "online_exchange_transcript",
    "legal_qa_column",
    "womens_union_newsletter",
    "statistics_office_press_qa",
    "slide_deck_outline",
    "commune_notice_board",
    "emulation_award_citation",
    "portal_quick_stats_widget",
    "scholarly_results_section",
    "radio_quiz",
    "provincial_monthly_socioeconomic_report",
    "newspaper_fund_perspective",
    "district_officer_chat_report",
    "partner_thank_you_letter",
    "tv_evening_news_script",
    "small_business_quick_answers",
    "budget_execution_annex",
    "excel_table_pasted_merged_province",
    "economist_rebuttal_column",
    "craft_village_reportage",
    "inspection_followup_report",
    "forwarded_email_thread",
    "encyclopedia_entry",
    "budget_disclosure_notice",
    "forwarded_email_paste",
    "party_cell_resolution",
    "beneficiary_selection_notice",
    "push_notification_digest",
    "association_funding_request_letter",
    "field_inspection_minutes",
    "conference_contribution_paper",
    "cooperative_general_assembly_report",
    "quiz_answer_key",
    "monthly_work_calendar",
    "merger_handover_minutes",
    "peoples_committee_directive",
    "masters_thesis_abstract",
    "trade_union_bulletin",
    "internal_audit_working_paper",
    "centre_fanpage_post",
    "farmers_radio_news_roundup",
    "propaganda_outline",
    "video_subtitle_file",
    "candidate_action_programme_to_voters",
    "citizen_feedback_portal_reply",
    "commune_loudspeaker_bulletin",
    "na_deputies_voter_meeting_record",
    "appraisal_council_minutes",
    "training_closing_speech",
    "treasury_reconciliation_minutes",
    "beneficiary_survey_report",
    "ai_assistant_chat_log",
    "beneficiary_satisfaction_survey_report",
    "state_audit_recommendation_reply",
    "research_workshop_poster",
    "centre_kpi_scorecard",
    "front_page_teaser_and_story",
    "newspaper_explainer_glossary_box",
    "retiring_director_handover_report",
    "tv_infographic_voiceover",
    "bank_partnership_mou_press_note",
    "disbursement_countdown_report",
    "footnoted_policy_brief",
    "procurement_tender_notice_with_background",
    "csv_export_pasted_in_article",
    "zalo_group_chat_export",
    "provincial_statistical_yearbook_section",
    "national_assembly_questioning_transcript",
    "bilingual_investor_factsheet",
    "reader_mailbox_department_reply",
    "workshop_speaker_notes_outline",
    "council_session_live_blog",
    "department_kcqg_report_letter",
    "department_sectoral_nine_month_report",
    "centre_anniversary_feature",
    "commune_ward_allocation_notice",
    "email_interview_qa",
    "peoples_committee_budget_execution_report_to_council",
    "deputy_director_rapid_qa_with_comparison_box",
    "monthly_progress_tracker_paste",
    "tv_station_web_reportage",
    "provincial_quarterly_press_conference_transcript",
    "economist_regional_ratio_column",
    "news_photo_essay_numbered_captions",
    "mid_year_review_slide_deck_with_notes",
    "finance_department_settlement_explanatory_note",
    "radio_news_bulletin_read_aloud",
    "reader_questions_authority_answers_page",
    "data_desk_province_ranking_explainer",
    "ministry_delegation_working_notice",
    "enterprise_dialogue_conference_record",
    "enterprise_dialogue_record_with_figures_box",
    "province_programme_end_term_evaluation_target_table",
    "council_budget_submission_with_draft_resolution",
    "weekly_column_two_region_quick_qa",
    "centre_partner_thanks_letter_by_programme_content",
    "gov_portal_multi_province_news_briefs",
    "tet_spring_issue_lookback_feature",
    "finance_department_carryover_request_reply",
    "five_things_to_know_listicle",
    "centre_half_year_self_assessment_form",
    "bank_credit_qa_column",
    "policy_impact_assessment_report",
    "conference_mc_running_script",
    "trade_magazine_three_province_region_comparison",
    "centre_report_to_ministry_with_appendix",
    "online_reader_qa_casual_questions",
    "merged_city_inspection_conclusion_with_footnotes",
    "craft_village_longform_feature_with_timeline_and_figures_box",
)
REQUIRED_STYLES = STYLES[:8]
DIRECTION_WORDS = {
    "up": ("tăng", "cao hơn", "nhiều hơn", "vượt"),
    "down": ("giảm", "thấp hơn", "ít hơn"),
}
APPROX_WORDS = ("xấp xỉ", "khoảng", "hơn", "trên", "gần")
TOP_KEYS = (
    "title", "style", "split", "published", "publisher", "lead", "body",
    "indicators", "areas", "content_partition", "data", "blocks", "quotes",
    "distractors", "errors", "rounding_variants", "notes",
)
DIMS = ("indicator", "area", "area_until", "fund", "content", "year", "period", "measure")
PERIOD_RE = re.compile(r"^(year|months:(1[0-2]|[1-9])|quarter:[1-4]|to_date:\d{4}-\d{2}-\d{2})$")
BLOCK_PERIOD_RE = re.compile(r"^(any|year|months|months:(1[0-2]|[1-9])|to_date)$")

# A number as Vietnamese prints it: "." groups thousands, "," marks decimals.
NUM_RE = re.compile(r"(?<![\d])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?!\d)")
TAG_RE = re.compile(r"<[^>]*>")


class Problems:
    def __init__(self):
        self.items: list[str] = []
        self.warnings: list[str] = []

    def __call__(self, where: str, msg: str):
        self.items.append(f"{where}: {msg}")

    def warn(self, where: str, msg: str):
        self.warnings.append(f"{where}: {msg}")


P = Problems()


# --------------------------------------------------------------------------- numbers

def article_number(path: str) -> int:
    """The number a file name starts with ("07-…", "103-…"): past 99 it has three digits."""
    return int(os.path.basename(path).split("-", 1)[0])


def q_round(x: D, step: D) -> D:
    """x rounded half-up (away from zero) to a multiple of step."""
    if step == 0:
        return x
    return (x / step).quantize(D(1), rounding=ROUND_HALF_UP) * step


def unit_of_tail(tail: str):
    """(unit, multiplier) from the words after the last number."""
    t = tail.lower()
    if "điểm phần trăm" in t:
        return "points", D(1)
    if "%" in t:
        return "percent", D(1)
    if re.search(r"\blần\b", t):
        return "times", D(1)
    if re.search(r"\btỷ\b", t):
        return "vnd", D(10) ** 9
    if re.search(r"\btriệu\b", t):
        return "vnd", D(10) ** 6
    if re.search(r"\b(nghìn|ngàn)\b", t):
        return "vnd", D(10) ** 3
    if re.search(r"\bđồng\b", t):
        return "vnd", D(1)
    return "count", D(1)


def parse_printed(text: str, unit: str | None = None):
    """The numbers a quote prints: list of dicts (value, step, approx, approx_step, unit)."""
    nums = list(NUM_RE.finditer(text))
    if not nums:
        return None, []
    tail = text[nums[-1].end():]
    if unit:
        tail = tail + " " + unit
    u, mult = unit_of_tail(tail)
    out = []
    for m in nums:
        before = text[:m.start()].lower()
        approx = None
        for w in APPROX_WORDS:
            if re.search(r"(^|\s)" + w + r"\s+$", before) and not re.search(
                    r"(cao|thấp|nhiều|ít|lớn|nhỏ)\s+hơn\s+$", before):
                approx = w  # "hơn 200", not "cao hơn 20%"
                break
        ip, fp = m.group(1), m.group(2) or ""
        digits = ip.replace(".", "")
        val = D(digits + ("." + fp if fp else "")) * mult
        step = (D(10) ** -len(fp)) * mult
        if fp:
            astep = step
        else:
            tz = len(digits) - len(digits.rstrip("0"))
            if tz == len(digits):
                tz = 0
            astep = (D(10) ** tz) * mult
        out.append({"value": val, "step": step, "approx": approx, "approx_step": astep,
                    "unit": u, "raw": m.group(0)})
    return u, out


def numbers_outside_tags(text: str):
    """(start, end, token) of every number not inside an HTML tag."""
    masked = TAG_RE.sub(lambda m: " " * len(m.group(0)), text)
    return [(m.start(), m.end(), m.group(0)) for m in NUM_RE.finditer(masked)]


def nth(text: str, sub: str, n: int):
    """Start of the n-th (1-based) occurrence of sub in text, or None."""
    pos = -1
    for _ in range(n):
        pos = text.find(sub, pos + 1)
        if pos < 0:
            return None
    return pos


def on_boundary(text: str, start: int, end: int) -> bool:
    """The span does not cut a number: no digit (or ,digit / .digit) glued on either side."""
    if start > 0 and text[start - 1].isdigit() and text[start].isdigit():
        return False
    if start > 1 and text[start - 1] in ".," and text[start - 2].isdigit() and text[start].isdigit():
        return False
    if end < len(text) and text[end].isdigit() and text[end - 1].isdigit():
        return False
    if (end + 1 < len(text) and text[end] in ".," and text[end + 1].isdigit()
            and text[end - 1].isdigit()):
        return False
    return True


# --------------------------------------------------------------------------- data

def fkey(f: dict):
    return tuple(f.get(k) for k in DIMS)


def fstr(f: dict) -> str:
    s = f"{f.get('indicator')}|{f.get('area')}"
    if f.get("area_until"):
        s += f"(→{f['area_until']})"
    return s + f"|{f.get('fund')}|{f.get('content')}|{f.get('year')}|{f.get('period')}|{f.get('measure')}"


class Article:
    def __init__(self, path: str, doc: dict):
        self.path = path
        self.name = os.path.basename(path)
        self.doc = doc
        self.units = dict(BUILTIN_INDICATORS)
        self.data: dict[tuple, dict] = {}
        self.spans: dict[str, list] = {p: [] for p in PARTS}  # (start, end, what)
        self.quote_by_id: dict[str, dict] = {}
        self.quote_span: dict[str, tuple] = {}
        self.quote_printed: dict[str, list] = {}

    def text(self, part: str) -> str:
        return self.doc.get(part) or ""


def check_figure_dims(where: str, f, art: Article, need_value=False):
    if not isinstance(f, dict):
        P(where, f"figure must be a mapping, got {f!r}")
        return False
    ok = True
    allowed = set(DIMS) | ({"value", "rounding", "note"} if need_value else set())
    for k in f:
        if k not in allowed:
            P(where, f"unknown key {k!r} in figure")
            ok = False
    for k in DIMS:
        if k == "area_until":
            continue
        if k not in f:
            P(where, f"figure lacks {k!r}")
            ok = False
    if not ok:
        return False
    if f["indicator"] not in art.units:
        P(where, f"unknown indicator {f['indicator']!r}")
        ok = False
    if f["fund"] not in FUNDS:
        P(where, f"bad fund {f['fund']!r}")
        ok = False
    if f["measure"] not in MEASURES:
        P(where, f"bad measure {f['measure']!r}")
        ok = False
    if not isinstance(f["year"], int):
        P(where, f"year must be an integer: {f['year']!r}")
        ok = False
    if not PERIOD_RE.match(str(f["period"])):
        P(where, f"bad period {f['period']!r}")
        ok = False
    elif str(f["period"]).startswith("to_date:") and int(str(f["period"])[8:12]) != f["year"]:
        P(where, f"to_date period outside its year: {f['period']}")
        ok = False
    if "area_until" in f and f["area_until"] is not None and not isinstance(f["area_until"], int):
        P(where, "area_until must be a year")
        ok = False
    if need_value:
        for k in ("value", "rounding"):
            v = f.get(k)
            if not isinstance(v, str) or not re.fullmatch(r"\d+", v):
                P(where, f"{k} must be a string of digits (whole units), got {v!r}")
                ok = False
    return ok


def load_article(path: str) -> Article | None:
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    if unicodedata.normalize("NFC", raw) != raw:
        P(path, "file is not in Unicode NFC")
    try:
        doc = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        P(path, f"YAML error: {exc}")
        return None
    art = Article(path, doc)
    w = art.name
    for k in doc:
        if k not in TOP_KEYS:
            P(w, f"unknown top-level key {k!r}")
    for k in ("title", "style", "split", "published", "lead", "body", "data", "blocks",
              "quotes", "distractors", "errors", "rounding_variants"):
        if k not in doc:
            P(w, f"missing key {k!r}")
    if doc.get("style") not in STYLES:
        P(w, f"unknown style {doc.get('style')!r}")
    if doc.get("split") not in ("tune", "heldout"):
        P(w, f"split must be tune or heldout, got {doc.get('split')!r}")
    if not isinstance(doc.get("published"), datetime.date):
        P(w, "published must be a date (YYYY-MM-DD)")
    for ind in doc.get("indicators") or []:
        if ind.get("unit") != "count" and ind.get("code") not in BUILTIN_INDICATORS:
            P(w, f"declared indicator {ind.get('code')} must have unit: count")
        for k in ("code", "name", "unit", "count_noun"):
            if not ind.get(k):
                P(w, f"indicator {ind.get('code')} lacks {k}")
        art.units[ind["code"]] = "count" if ind.get("unit") == "count" else "vnd"
    for i, f in enumerate(doc.get("data") or []):
        where = f"{w} data[{i}]"
        if not check_figure_dims(where, f, art, need_value=True):
            continue
        key = fkey(f)
        if key in art.data:
            P(where, f"duplicate figure {fstr(f)}")
        art.data[key] = f
        if art.units[f["indicator"]] == "count" and f["rounding"] not in ("0", "1"):
            pass  # counts may be published rounded ("hơn 200"), allowed
    return art


# --------------------------------------------------------------------------- readings

def default_step(art: Article, f: dict) -> D:
    v = D(f["value"])
    if art.units[f["indicator"]] == "count":
        return D(0)
    return D(10) ** 7 if v >= D(10) ** 8 else D(10) ** 6


def figures_of(reading: dict) -> list[dict]:
    if "figure" in reading:
        return [reading["figure"]]
    if "derived" in reading:
        out = []
        for inp in reading["derived"].get("inputs") or []:
            out += figures_of(inp)
        return out
    return []


def evaluate(art: Article, where: str, reading: dict):
    """(exact, lo, hi, unit) of a reading, or None (problem reported)."""
    if "figure" in reading:
        f = reading["figure"]
        if not check_figure_dims(where, f, art):
            return None
        stored = art.data.get(fkey(f))
        if stored is None:
            P(where, f"figure not in data: {fstr(f)}")
            return None
        v, r = D(stored["value"]), D(stored["rounding"])
        s = D(reading["step"]) if "step" in reading else default_step(art, stored)
        h = max(r, s) / 2
        return v, v - h, v + h, art.units[f["indicator"]]
    if "derived" in reading:
        d = reading["derived"]
        op = d.get("op")
        if op not in OPS:
            P(where, f"unknown op {op!r}")
            return None
        ins = [evaluate(art, where, i) for i in d.get("inputs") or []]
        if any(i is None for i in ins):
            return None
        n = len(ins)
        if (op == "sum" and n < 2) or (op != "sum" and n != 2):
            P(where, f"op {op} got {n} inputs")
            return None
        units = {i[3] for i in ins}
        if op == "points_change":
            if units != {"percent"}:
                P(where, "points_change needs two percentage readings")
                return None
        elif op in ("sum", "difference"):
            if len(units) != 1 or not units <= {"vnd", "count"}:
                P(where, f"op {op} over mixed or non-additive units {units}")
                return None
        elif len(units) != 1:
            P(where, f"op {op} over mixed units {units}")
            return None
        if op in ("sum",):
            x = sum(i[0] for i in ins)
            lo = sum(i[1] for i in ins)
            hi = sum(i[2] for i in ins)
            unit = ins[0][3]
        elif op in ("difference", "points_change"):
            a, b = ins
            x, lo, hi = a[0] - b[0], a[1] - b[2], a[2] - b[1]
            unit = "points" if op == "points_change" else a[3]
        else:
            a, b = ins
            if b[0] == 0 or b[1] <= 0:
                P(where, "division by zero (or by an interval reaching zero)")
                return None
            x, lo, hi = a[0] / b[0], a[1] / b[2], a[2] / b[1]
            if op == "change":
                x, lo, hi = x - 1, lo - 1, hi - 1
            if op == "times":
                unit = "times"
            else:
                x, lo, hi = x * 100, lo * 100, hi * 100
                unit = "percent"
        if "step" in reading:
            h = D(reading["step"]) / 2
            lo, hi = lo - h, hi + h
        return x, lo, hi, unit
    P(where, f"reading must have figure, derived or no_data: {reading!r}")
    return None


def reading_op(reading: dict):
    return reading.get("derived", {}).get("op") if "derived" in reading else None


def assess(art: Article, where: str, reading: dict, printed: dict, direction=None):
    """'match' | 'rounding' | 'mismatch' (or None when the reading is broken)."""
    ev = evaluate(art, where, reading)
    if ev is None:
        return None
    x, lo, hi, unit = ev
    punit = printed["unit"]
    if unit == "vnd" and punit != "vnd" or unit == "count" and punit != "count" \
            or unit in ("percent", "points", "times") and punit != unit:
        return "mismatch"  # a number of the wrong kind never fits
    p, step = printed["value"], printed["step"]
    signed = -p if direction == "down" else p
    approx = printed["approx"]
    if "figure" in reading:
        stored = art.data[fkey(reading["figure"])]
        v, r = D(stored["value"]), D(stored["rounding"])
        if approx:
            U = printed["approx_step"]
            if approx in ("hơn", "trên"):
                ok = p < v < p + U
            elif approx == "gần":
                ok = p - U / 2 <= v < p
            else:
                ok = abs(v - p) <= U / 2
            return "rounding" if ok else "mismatch"
        if q_round(v, step) == p:
            return "match"
        if abs(p - v) < step + r / 2:
            return "rounding"
        return "mismatch"
    # derived
    if approx:
        U = printed["approx_step"]
        if approx in ("hơn", "trên"):
            ok = p < abs(x) < p + U
        elif approx == "gần":
            ok = p - U / 2 <= abs(x) < p
        else:
            ok = abs(abs(x) - p) <= U / 2
        return "rounding" if ok else "mismatch"
    if q_round(x, step) == signed:
        return "match"
    if lo - step / 2 <= signed <= hi + step / 2:
        return "rounding"
    return "mismatch"


def readings_of(item: dict):
    if "readings" in item:
        return item["readings"]
    if "reading" in item:
        return [item["reading"]]
    return []


def in_block(art: Article, f: dict) -> bool:
    for b in art.doc.get("blocks") or []:
        areas = set()
        for a in b.get("areas") or []:
            if isinstance(a, dict):
                areas.add((a["area"], a.get("area_until")))
            else:
                areas.add((a, None))
        if f["indicator"] not in (b.get("indicators") or []):
            continue
        if (f["area"], f.get("area_until")) not in areas:
            continue
        if f["content"] != b.get("content", "all"):
            continue
        if not b["year_from"] <= f["year"] <= b["year_to"]:
            continue
        bp, fp = b.get("period", "any"), f["period"]
        if bp != "any":
            if bp == "months":
                if not fp.startswith("months:"):
                    continue
            elif bp == "to_date":
                if not fp.startswith("to_date:"):
                    continue
            elif bp != fp:
                continue
        if b.get("funds") and f["fund"] not in b["funds"]:
            continue
        if b.get("measures") and f["measure"] not in b["measures"]:
            continue
        return True
    return False


# --------------------------------------------------------------------------- article checks

def locate(art: Article, where: str, part: str, sub: str, occ) -> tuple | None:
    if part not in PARTS:
        P(where, f"bad part {part!r}")
        return None
    if not isinstance(occ, int) or occ < 1:
        P(where, f"occurrence must be a positive integer, got {occ!r}")
        return None
    text = art.text(part)
    pos = nth(text, sub, occ)
    if pos is None:
        P(where, f"{sub!r} has no occurrence #{occ} in {part}")
        return None
    return pos, pos + len(sub)


def check_article(art: Article, stats: Counter, per_article: dict):
    doc, w = art.doc, art.name
    st = per_article[w] = Counter()

    # blocks
    blocks = doc.get("blocks") or []
    if not 1 <= len(blocks) <= 3:
        P(w, f"an article has 1-3 blocks, this one {len(blocks)}")
    for i, b in enumerate(blocks):
        for k in ("title", "indicators", "areas", "year_from", "year_to", "period", "funds", "measures"):
            if k not in b:
                P(f"{w} blocks[{i}]", f"lacks {k}")
        if not BLOCK_PERIOD_RE.match(str(b.get("period", ""))):
            P(f"{w} blocks[{i}]", f"bad period {b.get('period')!r}")
        for ind in b.get("indicators") or []:
            if ind not in art.units:
                P(f"{w} blocks[{i}]", f"unknown indicator {ind}")
        for fnd in b.get("funds") or []:
            if fnd not in FUNDS:
                P(f"{w} blocks[{i}]", f"bad fund {fnd}")
        for m in b.get("measures") or []:
            if m not in MEASURES:
                P(f"{w} blocks[{i}]", f"bad measure {m}")

    # text
    for part in PARTS:
        t = art.text(part)
        if unicodedata.normalize("NFC", t) != t:
            P(w, f"{part} not NFC")
        if "&" in t:
            P(w, f"{part} contains '&' (entities make substrings ambiguous)")
    words = len(re.findall(r"\S+", TAG_RE.sub(" ", art.text("lead") + " " + art.text("body"))))
    st["words"] = words
    if doc.get("style") == "brief":
        if words > 250:
            P(w, f"a brief has at most 250 words, this one {words}")
    elif not 500 <= words <= 1500:
        P(w, f"an article has 500-1500 words, this one {words}")

    # quotes
    prev = {p: -1 for p in PARTS}
    order_part = {p: i for i, p in enumerate(PARTS)}
    last_part = 0
    ids = set()
    for i, qd in enumerate(doc.get("quotes") or []):
        qid = qd.get("id", f"#{i}")
        where = f"{w} {qid}"
        if qid in ids:
            P(where, "duplicate id")
        ids.add(qid)
        for k in qd:
            if k not in ("id", "text", "occurrence", "part", "kind", "reading", "readings",
                         "expect", "in_blocks", "note", "unit", "direction"):
                P(where, f"unknown key {k!r}")
        part = qd.get("part")
        span = locate(art, where, part, qd.get("text", ""), qd.get("occurrence"))
        if span is None:
            continue
        text = art.text(part)
        if not on_boundary(text, *span):
            P(where, f"{qd['text']!r} at occurrence {qd['occurrence']} cuts a number")
        if order_part[part] < last_part or span[0] <= prev[part]:
            P(where, "quotes are not in order of appearance")
        last_part = order_part[part]
        prev[part] = span[0]
        for s0, s1, what in art.spans[part]:
            if s0 < span[1] and span[0] < s1:
                P(where, f"overlaps {what}")
        art.spans[part].append((span[0], span[1], qid))
        art.quote_by_id[qid] = qd
        art.quote_span[qid] = (part, span)
        st["quotes"] += 1
        kind = qd.get("kind")
        if kind not in QUOTE_KINDS:
            P(where, f"bad kind {kind!r}")
        st[f"kind:{kind}"] += 1
        unit, printed = parse_printed(qd["text"], qd.get("unit"))
        art.quote_printed[qid] = printed
        if not printed:
            P(where, "no number in the quote text")
            continue
        rds = readings_of(qd)
        if not rds:
            P(where, "no reading")
            continue
        if len(rds) != len(printed) and not (len(rds) == 1 and "no_data" in rds[0]):
            P(where, f"{len(printed)} numbers printed, {len(rds)} readings")
            continue
        if (kind == "pair") != (len(printed) == 2):
            P(where, "kind pair <=> two numbers")
        exp_kind = {"percent": "percent", "points": "points", "times": "ratio_times",
                    "vnd": "amount", "count": "count"}[unit]
        if kind != "pair" and kind != exp_kind:
            P(where, f"kind {kind} but the text prints a {exp_kind}")
        direction = qd.get("direction")
        if direction not in (None, "up", "down"):
            P(where, f"bad direction {direction!r}")
        expects = qd.get("expect")
        if not isinstance(expects, list):
            expects = [expects] * len(rds)
        nodata = [("no_data" in r) for r in rds]
        if any(nodata):
            if not all(nodata):
                P(where, "mixing no_data with readings")
            if qd.get("in_blocks"):
                P(where, "no_data quote cannot be in_blocks")
            if not all(isinstance(r["no_data"], str) and r["no_data"] for r in rds):
                P(where, "no_data needs a reason")
            if any(e not in (None, "no_data") for e in expects):
                P(where, "a no_data quote has expect: no_data")
            st["no_data"] += 1
            continue
        for j, (r, pr, ex) in enumerate(zip(rds, printed, expects)):
            if ex not in EXPECTS:
                P(where, f"expect must be match or rounding, got {ex!r}")
                continue
            op = reading_op(r)
            if op in SIGNED_OPS and direction is None and "derived" in r:
                pass  # printed as a plain (positive) amount, e.g. "còn lại"
            got = assess(art, where, r, pr, direction if op in SIGNED_OPS else None)
            if got is None:
                continue
            if got != ex:
                ev = evaluate(art, where, r)
                P(where, f"{qd['text']!r} number {j + 1}: expect {ex}, got {got} "
                         f"(exact {ev[0]:.6f}, interval {ev[1]:.6f}..{ev[2]:.6f})")
            st[f"expect:{ex}"] += 1
            if "derived" in r:
                st["derived"] += 1
        figs = [f for r in rds for f in figures_of(r)]
        inb = all(fkey(f) in art.data and in_block(art, f) for f in figs)
        if bool(qd.get("in_blocks")) != inb:
            P(where, f"in_blocks says {qd.get('in_blocks')}, blocks select: {inb}")
        if "in_blocks" not in qd:
            P(where, "in_blocks missing")
        st["in_blocks" if inb else "outside_blocks"] += 1

    # distractors
    prevd = {p: -1 for p in PARTS}
    for i, dd in enumerate(doc.get("distractors") or []):
        where = f"{w} distractor[{i}] {dd.get('text')!r}"
        part = dd.get("part", "body")
        span = locate(art, where, part, dd.get("text", ""), dd.get("occurrence"))
        if span is None:
            continue
        if not on_boundary(art.text(part), *span):
            P(where, "cuts a number")
        if not dd.get("why"):
            P(where, "needs a why")
        if span[0] <= prevd[part]:
            P(where, "distractors are not in order of appearance")
        prevd[part] = span[0]
        if not NUM_RE.search(dd["text"]):
            P(where, "a distractor must contain a number")
        for s0, s1, what in art.spans[part]:
            if s0 < span[1] and span[0] < s1:
                P(where, f"overlaps {what}")
        art.spans[part].append((span[0], span[1], f"distractor {dd['text']!r}"))
        st["distractors"] += 1

    # completeness: every number is a quote, a distractor or a bare year
    for part in PARTS:
        for s, e, tok in numbers_outside_tags(art.text(part)):
            if any(s0 <= s and e <= s1 for s0, s1, _ in art.spans[part]):
                continue
            if re.fullmatch(r"(199\d|20[0-3]\d)", tok):
                continue
            ctx = art.text(part)[max(0, s - 40):e + 40].replace("\n", " ")
            P(w, f"number {tok!r} in {part} is neither a quote nor a distractor: …{ctx}…")

    # errors
    for i, ed in enumerate(doc.get("errors") or []):
        where = f"{w} {ed.get('id', f'error[{i}]')}"
        check_edit(art, where, ed, is_error=True, st=st, stats=stats)
    for i, rv in enumerate(doc.get("rounding_variants") or []):
        where = f"{w} {rv.get('id', f'rv[{i}]')}"
        check_edit(art, where, rv, is_error=False, st=st, stats=stats)

    # data consistency inside the file is checked globally (check_data)


def check_edit(art: Article, where: str, ed: dict, is_error: bool, st: Counter, stats: Counter):
    for k in ed:
        if k not in ("id", "quote", "find", "replace", "occurrence", "part", "kind", "expect",
                     "now_reads", "comes_from", "note"):
            P(where, f"unknown key {k!r}")
    qid = ed.get("quote")
    if qid not in art.quote_by_id:
        P(where, f"unknown quote {qid!r}")
        return
    qd = art.quote_by_id[qid]
    qpart, (qs, qe) = art.quote_span[qid]
    part = ed.get("part", qpart)
    span = locate(art, where, part, ed.get("find", ""), ed.get("occurrence"))
    if span is None:
        return
    fs, fe = span
    if ed.get("find") == ed.get("replace"):
        P(where, "find == replace")
        return
    if is_error:
        if ed.get("kind") not in ERROR_KINDS:
            P(where, f"bad error kind {ed.get('kind')!r}")
        if ed.get("expect") != "mismatch":
            P(where, "an error expects mismatch")
        st["errors"] += 1
        stats[f"error:{ed.get('kind')}"] += 1
    else:
        if ed.get("expect") not in EXPECTS:
            P(where, "a rounding variant expects match or rounding")
        st["rounding_variants"] += 1
    rds = readings_of(qd)
    if any("no_data" in r for r in rds):
        P(where, "edits must target quotes that have data")
        return
    direction = qd.get("direction")
    inside = part == qpart and qs <= fs and fe <= qe
    disjoint = part != qpart or fe <= qs or fs >= qe
    if not (inside or disjoint):
        P(where, "find must lie inside the quote text or outside it, not across its edge")
        return
    if inside:
        new_text = qd["text"][:fs - qs] + ed["replace"] + qd["text"][fe - qs:]
        unit, printed = parse_printed(new_text, qd.get("unit"))
        if not printed or len(printed) != len(rds):
            P(where, f"edited quote {new_text!r} does not print {len(rds)} number(s)")
            return
        sig = lambda ps: [(p["value"], p["step"], p["approx"]) for p in ps]
        if sig(printed) == sig(art.quote_printed[qid]):
            P(where, "the edit does not change the printed number")
        results = [assess(art, where, r, p, direction if reading_op(r) in SIGNED_OPS else None)
                   for r, p in zip(rds, printed)]
        if None in results:
            return
        if is_error:
            if "mismatch" not in results:
                P(where, f"edited {new_text!r} is still {results} against the data")
            if ed.get("comes_from"):
                cf = readings_of({"readings": ed["comes_from"]}) if isinstance(ed["comes_from"], list) \
                    else [ed["comes_from"]]
                for r, p in zip(cf, printed):
                    got = assess(art, where + " comes_from", r, p,
                                 direction if reading_op(r) in SIGNED_OPS else None)
                    if got not in ("match", "rounding"):
                        P(where, f"comes_from does not explain {new_text!r}: {got}")
            changed = [p for p, o in zip(printed, art.quote_printed[qid]) if p["value"] != o["value"]]
            warn_if_matches_other(art, where, changed)
        else:
            want = ed.get("expect")
            worst = "rounding" if "rounding" in results else "match"
            if "mismatch" in results:
                P(where, f"rounding variant {new_text!r} is a mismatch")
            elif worst != want:
                P(where, f"rounding variant {new_text!r}: expect {want}, got {worst}")
        return
    # a word edit outside the quote: the quote now says something else
    if not is_error:
        P(where, "a rounding variant edits the quote's number")
        return
    printed = art.quote_printed.get(qid) or []
    if ed.get("kind") == "tang_for_giam" and not ed.get("now_reads"):
        if direction not in ("up", "down"):
            P(where, "tang_for_giam needs a quote with a direction")
            return
        flipped = "down" if direction == "up" else "up"
        fw = ed["find"].lower()
        rw = ed["replace"].lower()
        if not (any(x in fw for x in DIRECTION_WORDS[direction])
                and any(x in rw for x in DIRECTION_WORDS[flipped])):
            P(where, f"tang_for_giam should replace a {direction} word by a {flipped} word")
        results = [assess(art, where, r, p, flipped if reading_op(r) in SIGNED_OPS else None)
                   for r, p in zip(rds, printed)]
    else:
        nr = ed.get("now_reads")
        if not nr:
            P(where, "a word edit needs now_reads (what the edited text states)")
            return
        nrs = nr if isinstance(nr, list) else [nr]
        if len(nrs) != len(printed):
            P(where, "now_reads must give one reading per printed number")
            return
        for r in nrs:
            for f in figures_of(r):
                if fkey(f) not in art.data:
                    P(where, f"now_reads figure not in data (the checker would say no_data, "
                             f"not mismatch): {fstr(f)}")
                    return
        results = [assess(art, where, r, p, direction if reading_op(r) in SIGNED_OPS else None)
                   for r, p in zip(nrs, printed)]
    if None in results:
        return
    if "mismatch" not in results:
        P(where, f"after the edit the quote still fits ({results})")


def warn_if_matches_other(art: Article, where: str, printed: list):
    """Warn when a wrong number happens to equal some stored figure of the article."""
    for p in printed:
        if p["unit"] not in ("vnd", "count"):
            continue
        for f in art.data.values():
            if art.units[f["indicator"]] != p["unit"]:
                continue
            if q_round(D(f["value"]), p["step"]) == p["value"]:
                P.warn(where, f"wrong number {p['raw']} equals stored {fstr(f)}")


# --------------------------------------------------------------------------- data checks

def check_data(arts: list[Article]):
    merged: dict[tuple, tuple] = {}
    units = {}
    for a in arts:
        units.update(a.units)
        for k, f in a.data.items():
            if k in merged:
                f0, w0 = merged[k]
                if (f0["value"], f0["rounding"]) != (f["value"], f["rounding"]):
                    P(a.name, f"{fstr(f)} = {f['value']} but {w0} says {f0['value']}")
            else:
                merged[k] = (f, a.name)
    data = {k: v[0] for k, v in merged.items()}

    def close(total, parts):
        t = D(total["value"])
        s = sum(D(p["value"]) for p in parts)
        tol = (D(total["rounding"]) + sum(D(p["rounding"]) for p in parts)) / 2
        return abs(t - s) <= tol, t, s

    # all = kcqg + kcdp
    for k, f in data.items():
        if f["fund"] != "all":
            continue
        kq = dict(f, fund="kcqg")
        kd = dict(f, fund="kcdp")
        q, d = data.get(fkey(kq)), data.get(fkey(kd))
        if q and d:
            ok, t, s = close(f, [q, d])
            if not ok:
                P("data", f"{fstr(f)}: all {t} != kcqg + kcdp {s}")
        elif q and D(q["value"]) > D(f["value"]) or d and D(d["value"]) > D(f["value"]):
            P("data", f"{fstr(f)}: a part exceeds all")

    # regions = sum of members; content all = sum of the partition
    members = defaultdict(dict)
    partitions = []
    for a in arts:
        for ar in a.doc.get("areas") or []:
            for y, ms in (ar.get("members") or {}).items():
                lst = []
                for m in ms:
                    lst.append((m["area"], m.get("area_until")) if isinstance(m, dict) else (m, None))
                members[(ar["name"], ar.get("area_until"))][int(y)] = lst
        if a.doc.get("content_partition"):
            partitions.append((a, list(a.doc["content_partition"])))
    n_region_checks = 0
    for k, f in data.items():
        ms = members.get((f["area"], f.get("area_until")), {}).get(f["year"])
        if ms:
            parts = []
            for name, until in ms:
                g = dict(f, area=name)
                g.pop("area_until", None)
                if until:
                    g["area_until"] = until
                parts.append(data.get(fkey(g)))
            if all(parts):
                n_region_checks += 1
                ok, t, s = close(f, parts)
                if not ok:
                    P("data", f"{fstr(f)}: region {t} != sum of members {s}")
        if f["content"] == "all":
            for a, part in partitions:  # a partition holds for its own article's data
                if k not in a.data:
                    continue
                parts = [a.data.get(fkey(dict(f, content=c))) for c in part]
                if all(parts):
                    ok, t, s = close(f, parts)
                    if not ok:
                        P("data", f"{fstr(f)}: content all {t} != sum of contents {s}")
    return n_region_checks


# --------------------------------------------------------------------------- main

def print_markdown(arts, per_article, stats):
    print("\n| article | style | split | words | quotes | of which no_data | expect match | expect rounding "
          "| derived readings | outside blocks | distractors | errors | rounding variants |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    tot = Counter()
    for a in arts:
        c = per_article[a.name]
        tot.update(c)
        print(f"| {article_number(a.name):02d} | {a.doc.get('style')} | {a.doc.get('split')} | {c['words']} | {c['quotes']} | "
              f"{c['no_data']} | {c['expect:match']} | {c['expect:rounding']} | {c['derived']} | "
              f"{c['outside_blocks']} | {c['distractors']} | {c['errors']} | {c['rounding_variants']} |")
    print(f"| **total** | | | {tot['words']} | {tot['quotes']} | {tot['no_data']} | {tot['expect:match']} | "
          f"{tot['expect:rounding']} | {tot['derived']} | {tot['outside_blocks']} | {tot['distractors']} | "
          f"{tot['errors']} | {tot['rounding_variants']} |")
    kinds = Counter()
    per = {}
    for a in arts:
        per[a.name] = Counter(e.get("kind") for e in a.doc.get("errors") or [])
        kinds.update(per[a.name])
    print("\n| error kind | " + " | ".join(f"{article_number(a.name):02d}" for a in arts) + " | total |")
    print("|---|" + "---:|" * (len(arts) + 1))
    for k in ERROR_KINDS:
        print(f"| {k} | " + " | ".join(str(per[a.name][k] or "") for a in arts) + f" | {kinds[k]} |")
    rv = Counter()
    for a in arts:
        rv.update(r.get("expect") for r in a.doc.get("rounding_variants") or [])
    print(f"\nrounding variants: {rv['match']} expect match, {rv['rounding']} expect rounding")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("-v", "--verbose", action="store_true", help="print warnings too")
    ap.add_argument("--markdown", action="store_true", help="also print the counts as Markdown tables")
    args = ap.parse_args(argv)
    files = args.files or sorted(glob.glob(os.path.join(HERE, "[0-9]*-*.yaml")), key=article_number)
    arts = [a for a in (load_article(f) for f in files) if a is not None]
    stats: Counter = Counter()
    per_article: dict[str, Counter] = {}
    for a in arts:
        check_article(a, stats, per_article)
    n_region = check_data(arts)

    styles = Counter(a.doc.get("style") for a in arts)
    if not args.files:
        for s in REQUIRED_STYLES:
            if not styles[s]:
                P("corpus", f"no article of style {s}")

    # report
    cols = ("words", "quotes", "no_data", "expect:match", "expect:rounding", "derived",
            "outside_blocks", "distractors", "errors", "rounding_variants")
    heads = ("words", "quotes", "no_data", "match", "rounding", "derived", "out_blk",
             "distr", "errors", "rvars")
    print(f"{'article':<52} {'split':<8}" + "".join(f"{h:>9}" for h in heads))
    tot = Counter()
    for a in arts:
        c = per_article[a.name]
        tot.update(c)
        print(f"{a.name:<52} {a.doc.get('split', ''):<8}" + "".join(f"{c[k]:>9}" for k in cols))
    print(f"{'TOTAL (' + str(len(arts)) + ' articles)':<61}" + "".join(f"{tot[k]:>9}" for k in cols))
    held = [a for a in arts if a.doc.get("split") == "heldout"]
    print(f"held out: {len(held)} articles, {sum(per_article[a.name]['quotes'] for a in held)} quotes "
          f"({', '.join(a.doc.get('style') for a in held)})")
    kinds = Counter()
    for c in per_article.values():
        kinds.update({k[5:]: v for k, v in c.items() if k.startswith("kind:")})
    print("quote kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("errors by kind: " + ", ".join(f"{k} {stats['error:' + k]}" for k in ERROR_KINDS))
    print(f"region-sum checks passed over: {n_region}")
    if not args.files:
        goals = {"quotes": 280, "distractors": 70, "errors": 50, "rounding_variants": 40}
        for k, g in goals.items():
            if tot[k] < g:
                P("corpus", f"{k}: {tot[k]} < {g}")
        for k in ERROR_KINDS:
            if stats["error:" + k] < 4:
                P("corpus", f"error kind {k} used {stats['error:' + k]} times (< 4)")
    if args.markdown:
        print_markdown(arts, per_article, stats)
    if args.verbose:
        for wmsg in P.warnings:
            print("warning:", wmsg)
    elif P.warnings:
        print(f"{len(P.warnings)} warning(s); -v to list")
    if P.items:
        print(f"\n{len(P.items)} problem(s):")
        for m in P.items:
            print("  " + m)
        return 1
    print("\nOK: the corpus is consistent.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
