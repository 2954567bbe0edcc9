"""Every measure scored against its published rules, with the edge cases: blank items and
proration, the PHQ-9 and GAD-7 difficulty question, PCL-5 cluster scores and the DSM-5 cluster
rule, the C-SSRS screener's skip rule and risk levels."""

from __future__ import annotations

import pytest

from app.measures.catalog import instrument
from models.errors import InvalidInput
from models.measures import score
from models.measures.scoring import MET, NOT_MET, UNDETERMINED


def answers(*values: int | None, start: int = 1) -> dict[str, int]:
    return {str(i): v for i, v in enumerate(values, start) if v is not None}


PHQ9 = instrument("phq9")
GAD7 = instrument("gad7")
PCL5 = instrument("pcl5")
CSSRS = instrument("cssrs")


# --- PHQ-9 -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("total", "band"), [
    (0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
    (14, "moderate"), (15, "moderately severe"), (19, "moderately severe"), (20, "severe"),
    (27, "severe")])
def test_phq9_bands_follow_kroenke_2001(total: int, band: str) -> None:
    values = [3] * (total // 3) + ([total % 3] if total % 3 else [])
    values += [0] * (9 - len(values))
    result = score(PHQ9, {**answers(*values), "difficulty": 1} if total else answers(*values))
    assert result.total == total
    assert result.band_label == band
    assert result.complete


def test_phq9_has_nine_scored_items_and_the_published_wording() -> None:
    assert [i.key for i in PHQ9.scored_items] == [str(n) for n in range(1, 10)]
    assert PHQ9.item("9").text == ("Thoughts that you would be better off dead or of hurting "
                                   "yourself in some way")
    assert [o.label for o in PHQ9.item("1").options] == [
        "Not at all", "Several days", "More than half the days", "Nearly every day"]
    assert PHQ9.max_total == 27


def test_the_difficulty_question_is_asked_only_after_a_problem_and_never_counted() -> None:
    none = score(PHQ9, answers(0, 0, 0, 0, 0, 0, 0, 0, 0))
    assert "difficulty" not in none.asked and none.complete and none.total == 0
    some = answers(1, 0, 0, 0, 0, 0, 0, 0, 0)
    blank = score(PHQ9, some)
    assert "difficulty" in blank.asked and blank.unanswered == ("difficulty",)
    assert blank.total == 1  # a blank difficulty question does not hold the total back
    extreme = score(PHQ9, {**some, "difficulty": 3})
    assert extreme.total == 1 and extreme.complete
    assert PHQ9.item("difficulty").label_of(3) == "Extremely difficult"


def test_phq9_prorates_one_or_two_blank_items_and_no_more() -> None:
    one = score(PHQ9, answers(2, 2, 1, 2, 1, 1, 2, 1, None))  # 12 over 8 items
    assert one.prorated and one.total == 14  # 12 * 9 / 8 = 13.5, rounded half up
    assert one.unanswered == ("9", "difficulty")
    two = score(PHQ9, answers(2, 2, 1, 2, 1, 1, 1, None, None))  # 10 over 7 items
    assert two.prorated and two.total == 13  # 12.86
    three = score(PHQ9, answers(2, 2, 1, 2, 1, 1, None, None, None))
    assert three.total is None and not three.prorated and three.band is None
    assert three.partial == 9
    nothing = score(PHQ9, {})
    assert nothing.total is None and nothing.partial == 0


@pytest.mark.parametrize("bad", [{"1": 4}, {"1": -1}, {"1": True}, {"1": "2"}, {"10": 1},
                                 {"difficulty": 5}])
def test_an_answer_the_form_does_not_offer_is_refused_in_one_sentence(bad: dict) -> None:
    with pytest.raises(InvalidInput) as caught:
        score(PHQ9, bad)
    assert str(caught.value).startswith("PHQ-9")


# --- GAD-7, PHQ-2, GAD-2 ---------------------------------------------------------------------
@pytest.mark.parametrize(("values", "total", "band"), [
    ((0, 0, 0, 0, 0, 0, 0), 0, "minimal"), ((1, 1, 1, 1, 0, 0, 0), 4, "minimal"),
    ((1, 1, 1, 1, 1, 0, 0), 5, "mild"), ((2, 2, 2, 2, 1, 0, 0), 9, "mild"),
    ((2, 2, 2, 2, 2, 0, 0), 10, "moderate"), ((2, 2, 2, 2, 2, 2, 2), 14, "moderate"),
    ((3, 3, 3, 2, 2, 1, 1), 15, "severe"), ((3, 3, 3, 3, 3, 3, 3), 21, "severe")])
def test_gad7_bands_follow_spitzer_2006(values: tuple[int, ...], total: int, band: str) -> None:
    result = score(GAD7, {**answers(*values), "difficulty": 0})
    assert (result.total, result.band_label) == (total, band)


def test_gad7_prorates_only_one_blank_item() -> None:
    assert score(GAD7, answers(3, 3, 3, 2, 2, 1, None)).total == 16  # 14 * 7 / 6 = 16.33
    assert score(GAD7, answers(3, 3, 3, 2, 2, None, None)).total is None


@pytest.mark.parametrize("key", ["phq2", "gad2"])
def test_two_item_screens_are_positive_from_three_and_need_both_items(key: str) -> None:
    screen = instrument(key)
    assert score(screen, answers(1, 1)).band_label == "negative screen"
    assert score(screen, answers(2, 1)).band_label.startswith("positive screen")
    assert score(screen, answers(3, 3)).total == 6
    assert score(screen, answers(3)).total is None


# --- PCL-5 -----------------------------------------------------------------------------------
def test_pcl5_total_and_its_four_dsm5_cluster_scores() -> None:
    values = [4, 3, 2, 1, 0,  # B: 10
              2, 2,  # C: 4
              0, 1, 2, 3, 4, 0, 1,  # D: 11
              1, 1, 2, 2, 3, 4]  # E: 13
    result = score(PCL5, answers(*values))
    assert result.total == 38 and result.band_label.startswith("at or above")
    clusters = {s.key: (s.score, s.endorsed) for s in result.subscales}
    assert clusters == {"B": (10, 3), "C": (4, 2), "D": (11, 3), "E": (13, 4)}
    assert result.cluster_rule == MET


def test_pcl5_cutoff_sits_between_32_and_33() -> None:
    low = [2] * 16 + [0] * 4  # 32
    assert score(PCL5, answers(*low)).band_label.startswith("below")
    assert score(PCL5, answers(*low[:-1], 1)).band_label.startswith("at or above")
    assert PCL5.max_total == 80


def test_pcl5_cluster_rule_needs_every_cluster() -> None:
    no_avoidance = [3] * 5 + [1, 1] + [3] * 13  # C has no item rated Moderately or higher
    result = score(PCL5, answers(*no_avoidance))
    assert result.total == 56 and result.cluster_rule == NOT_MET


def test_pcl5_with_blank_items_has_no_total_but_says_what_it_can() -> None:
    values: list[int | None] = [3, 3, 3, 3, 3, 2, None, 2, 2, 0, 0, 0, 0, 0,
                                2, 2, 0, 0, 0, 0]
    result = score(PCL5, answers(*values))
    assert result.total is None and result.partial == 25
    clusters = {s.key: s.score for s in result.subscales}
    assert clusters == {"B": 15, "C": None, "D": 4, "E": 4}
    assert result.cluster_rule == MET  # C is met by item 6 alone; the blank cannot undo it
    undecided = list(values)
    undecided[5] = 1  # now C hangs on the blank item 7
    assert score(PCL5, answers(*undecided)).cluster_rule == UNDETERMINED
    hopeless = list(undecided)
    hopeless[14:] = [0, 0, 0, 0, 0, None]  # E can reach at most one endorsed item
    assert score(PCL5, answers(*hopeless)).cluster_rule == NOT_MET


# --- C-SSRS screener -------------------------------------------------------------------------
def test_cssrs_skips_3_to_5_after_no_to_2() -> None:
    result = score(CSSRS, {"1": 0, "2": 0, "6": 0})
    assert result.asked == ("1", "2", "6") and result.complete
    assert result.total == 0 and result.band_label == "no risk identified"


@pytest.mark.parametrize(("given", "level"), [
    ({"1": 1, "2": 0, "6": 0}, "low risk"),
    ({"1": 1, "2": 1, "3": 0, "4": 0, "5": 0, "6": 0}, "low risk"),
    ({"1": 1, "2": 1, "3": 1, "4": 0, "5": 0, "6": 0}, "moderate risk"),
    ({"1": 1, "2": 1, "3": 1, "4": 1, "5": 0, "6": 0}, "high risk"),
    ({"1": 0, "2": 1, "3": 0, "4": 0, "5": 1, "6": 0}, "high risk"),
    ({"1": 0, "2": 0, "6": 1, "6b": 0}, "moderate risk"),
    ({"1": 0, "2": 0, "6": 1, "6b": 1}, "high risk"),
])
def test_cssrs_triage_levels(given: dict[str, int], level: str) -> None:
    assert score(CSSRS, given).band_label == level


def test_cssrs_answers_to_questions_not_asked_never_raise_the_level() -> None:
    result = score(CSSRS, {"1": 0, "2": 0, "4": 1, "6": 0})
    assert result.total == 0 and "4" not in result.asked


def test_cssrs_incomplete_keeps_the_level_found_so_far_as_a_lower_bound() -> None:
    result = score(CSSRS, {"1": 1, "2": 1})
    assert result.total is None and result.partial == 1
    assert set(result.unanswered) == {"3", "4", "5", "6"}
