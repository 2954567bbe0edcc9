"""Change criteria, schedules, the safety rule's facts, chart data, and malformed data files."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta

import pytest

from app.measures.catalog import MEASURES_DIR, instrument
from models.measures import (
    ChangeKind,
    ClientDates,
    InstrumentFileError,
    Schedule,
    ScheduleRule,
    blank_risk_items,
    change_from,
    change_markers,
    chart_of,
    due_reason,
    instrument_from_dict,
    positive_screens,
)

PHQ9 = instrument("phq9")
GAD7 = instrument("gad7")
PCL5 = instrument("pcl5")
D0 = date(2026, 9, 1)


def day(n: int) -> date:
    return D0 + timedelta(days=n)


# --- change ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("baseline", "current", "kind"), [
    (17, 12, ChangeKind.NONE),  # 5 points: within measurement error
    (17, 11, ChangeKind.IMPROVED),  # 6 points, still in the clinical range
    (17, 9, ChangeKind.SIGNIFICANT),  # reliable and now below 10
    (9, 3, ChangeKind.IMPROVED),  # reliable, but it started below the cutoff
    (10, 16, ChangeKind.DETERIORATED),
    (12, 17, ChangeKind.NONE),
])
def test_phq9_change_uses_six_points_and_the_cutoff_of_ten(baseline: int, current: int,
                                                           kind: ChangeKind) -> None:
    assert change_from(PHQ9, baseline, current) is kind


def test_gad7_and_pcl5_change_criteria() -> None:
    assert change_from(GAD7, 12, 8) is ChangeKind.IMPROVED  # 4 points, 8 is still clinical
    assert change_from(GAD7, 12, 7) is ChangeKind.SIGNIFICANT
    assert change_from(PCL5, 50, 40) is ChangeKind.IMPROVED
    assert change_from(PCL5, 50, 30) is ChangeKind.SIGNIFICANT  # 20 points
    assert change_from(instrument("phq2"), 6, 0) is None  # a screen defines no change


def test_markers_show_where_each_kind_of_change_is_first_reached() -> None:
    course = [(day(0), 18), (day(7), 16), (day(14), 13), (day(21), 12), (day(28), 8),
              (day(35), 13), (day(42), 9), (day(49), 14), (day(56), 24)]
    markers = change_markers(PHQ9, course)
    assert [(m.day, m.kind) for m in markers] == [
        (day(21), ChangeKind.IMPROVED), (day(28), ChangeKind.SIGNIFICANT),
        (day(35), ChangeKind.NONE), (day(56), ChangeKind.DETERIORATED)]
    assert change_markers(PHQ9, course[:1]) == []
    wavering = [(day(0), 18)] + [(day(n), 12 if n % 2 else 13) for n in range(1, 40)]
    assert len(change_markers(PHQ9, wavering)) == 2  # improved once, lost once: no more


def test_no_marker_until_the_change_is_reliable() -> None:
    assert change_markers(PHQ9, [(day(0), 12), (day(7), 13), (day(14), 10)]) == []


def test_chart_data_holds_the_course_bands_sessions_and_markers() -> None:
    scores = [(day(14), 9, False), (day(0), 17, False), (day(7), 14, True)]
    sessions = [day(-7), day(0), day(7), day(14), day(21)]
    chart = chart_of(PHQ9, scores, sessions)
    assert [p.total for p in chart.points] == [17, 14, 9]
    assert chart.points[1].prorated
    assert chart.sessions == (day(0), day(7), day(14))  # only within the charted span
    assert [b.label for b in chart.bands][0] == "minimal" and chart.y_max == 27
    assert chart.cutoff == 10
    assert [m.kind for m in chart.markers] == [ChangeKind.SIGNIFICANT]
    assert chart.summary() == ("PHQ-9: 17 on 09/01/2026 → 9 on 09/15/2026 "
                               "(clinically significant improvement).")
    assert chart_of(PHQ9, []).summary() == "PHQ-9: no scores yet."


# --- schedules ---------------------------------------------------------------------------------
def sched(rule: ScheduleRule, interval: int = 0) -> Schedule:
    return Schedule(client_id=1, instrument="phq9", rule=rule, interval=interval)


def test_every_four_sessions_is_due_at_the_fourth_session_after_the_last() -> None:
    weekly = [day(7 * n) for n in range(8)]
    rule = sched(ScheduleRule.EVERY_SESSIONS, 4)
    given_at_first = ClientDates(given=[day(0)], sessions=weekly)
    assert due_reason(rule, day(7), given_at_first) is None
    assert due_reason(rule, day(21), given_at_first) is None  # sessions 1 and 2 since
    assert due_reason(rule, day(28), given_at_first) == (
        "every 4 sessions; 3 sessions since 09/01/2026")
    assert due_reason(rule, day(28), ClientDates(given=[day(0), day(28)], sessions=weekly)) \
        is None  # given today already
    assert due_reason(rule, day(0), ClientDates(given=[], sessions=weekly)) == (
        "every 4 sessions; not given yet")


def test_every_fourteen_days_and_every_session() -> None:
    dates = ClientDates(given=[day(0)], sessions=[day(0), day(7), day(14)])
    assert due_reason(sched(ScheduleRule.EVERY_DAYS, 14), day(13), dates) is None
    assert due_reason(sched(ScheduleRule.EVERY_DAYS, 14), day(14), dates) == (
        "every 14 days; last given 09/01/2026")
    assert due_reason(sched(ScheduleRule.EVERY_SESSIONS, 1), day(7), dates) == (
        "every session; 0 sessions since 09/01/2026")


def test_intake_and_discharge() -> None:
    intake = sched(ScheduleRule.INTAKE)
    assert due_reason(intake, day(0), ClientDates([], [day(0)], first_session=day(0))) == \
        "at intake"
    assert due_reason(intake, day(7), ClientDates([day(0)], [day(0)], first_session=day(0))) \
        is None
    assert due_reason(intake, day(-1), ClientDates([], [], first_session=day(0))) is None
    discharge = sched(ScheduleRule.DISCHARGE)
    active = ClientDates([day(0)], [day(0)], first_session=day(0))
    assert due_reason(discharge, day(30), active) is None
    gone = ClientDates([day(0)], [day(0), day(60)], first_session=day(0), discharged_on=day(61))
    assert due_reason(discharge, day(61), gone) == "at discharge, 11/01/2026"
    last_session = ClientDates([day(0), day(55)], [day(55)], discharged_on=day(61))
    assert due_reason(discharge, day(61), last_session) is None
    # Once discharged, the regular schedules stop.
    assert due_reason(sched(ScheduleRule.EVERY_DAYS, 7), day(70), gone) is None


# --- safety ------------------------------------------------------------------------------------
def test_a_positive_item_nine_is_a_positive_screen_with_its_own_words() -> None:
    answers = {str(i): 0 for i in range(1, 9)} | {"9": 2}
    [screen] = positive_screens(PHQ9, answers, day(3))
    assert screen.sentence() == ("PHQ-9 item 9 was answered “More than half the days” "
                                 "on 09/04/2026")
    assert positive_screens(PHQ9, {**answers, "9": 0}, day(3)) == []
    assert blank_risk_items(PHQ9, {k: v for k, v in answers.items() if k != "9"}) == ["9"]
    assert positive_screens(GAD7, {"1": 3}, day(3)) == []


def test_any_yes_on_the_cssrs_screener_is_positive() -> None:
    cssrs = instrument("cssrs")
    screens = positive_screens(cssrs, {"1": 1, "2": 0, "6": 1, "6b": 0}, day(1))
    assert [s.item for s in screens] == ["1", "6"]
    assert blank_risk_items(cssrs, {"1": 0, "2": 1}) == ["3", "4", "5", "6"]


# --- the data files ------------------------------------------------------------------------------
def phq9_data() -> dict:
    return json.loads((MEASURES_DIR / "phq9.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["bands"].pop(), "must cover"),
    (lambda d: d["bands"][1].update(min=4), "overlap or leave a gap"),
    (lambda d: d["items"].append(dict(d["items"][0])), "share a key"),
    (lambda d: d["risk"].update(items=["99"]), "unknown items"),
    (lambda d: d["scoring"].update(method="average"), "unknown scoring method"),
    (lambda d: d.pop("attribution"), "'attribution'"),
])
def test_a_malformed_measure_file_is_refused_by_name(change, message: str) -> None:
    data = copy.deepcopy(phq9_data())
    change(data)
    with pytest.raises(InstrumentFileError, match=message):
        instrument_from_dict(data, "phq9.json")


def test_every_shipped_measure_carries_its_attribution_and_terms() -> None:
    from app.measures.catalog import instruments

    keys = {i.key for i in instruments()}
    assert keys == {"phq9", "gad7", "phq2", "gad2", "pcl5", "cssrs"}
    for measure in instruments():
        assert measure.attribution and measure.terms and measure.sources
    assert not instrument("cssrs").self_report  # clinician-administered only (its licence)
