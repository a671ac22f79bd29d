"""The catalogue, vocabulary, rulesets and registry hold together: every row answered once, verbatim, documented."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from rules.catalogue import CatalogueError, all_rows, load_form, seed_text
from rules.describe import describe_rule, rules_table
from rules.registry import RULES, RegistryError, rule, rule_for
from rules.ruleset import RulesetError, available, load_ruleset, ruleset_for
from rules.vocabulary import Term, VocabularyError, load_vocabulary


def test_the_county_form_has_rows_c01_to_c35_and_the_department_form_d01_to_d16_in_order():
    assert [r.id for r in load_form("county").rows] == [f"C{i:02d}" for i in range(1, 36)]
    assert [r.id for r in load_form("department").rows] == [f"D{i:02d}" for i in range(1, 17)]


def test_every_question_is_verbatim_in_the_seed_copy():
    seed = seed_text()
    missing = [row.id for _, row in all_rows() if row.question not in seed]
    assert missing == []


def test_every_group_is_a_group_of_the_seed_with_split_names_joined():
    seed = re.sub(r"\s+", "", seed_text())
    assert all(row.group in seed for _, row in all_rows())
    assert load_form("county").rows[26].group == "乡镇（街道）便民服务中心建设"
    assert load_form("county").rows[31].group == "村（社区）便民服务点建设"


def test_groups_continue_across_the_seeds_page_breaks():
    county = {r.id: r.group for r in load_form("county").rows}
    assert county["C09"] == county["C08"] == "政府信息公开"  # C09 starts a new page of the seed
    assert county["C18"] == county["C17"] == "政务服务中心管理运行"
    department = {r.id: r.group for r in load_form("department").rows}
    assert department["D10"] == department["D09"] == "政府信息公开"
    assert department["D04"] == "组织领导"  # the seed lays it out under 组织领导; kept


def test_every_row_is_answered_by_exactly_one_rule_or_is_manual_with_what_to_ask_for():
    for form_id, row in all_rows():
        entry = rule_for(form_id, row.id)
        if row.checkability == "manual":
            assert entry is None, row.id
            assert row.ask_for, row.id
        else:
            assert entry is not None, f"{row.id} is {row.checkability} but no rule fills it"


def test_every_rule_names_rows_that_exist_in_its_forms():
    ids = {(form_id, row.id) for form_id, row in all_rows()}
    for entry in RULES.values():
        assert entry.fills
        for form_id, row_id in entry.fills.items():
            assert (form_id, row_id) in ids, f"{entry.name} fills unknown row {form_id}:{row_id}"


def test_filling_a_row_twice_fails_and_leaves_the_registry_unchanged():
    before = dict(RULES)
    with pytest.raises(RegistryError, match="C13"):
        rule(name="second-annual-report", fills={"county": "C13"}, title="重复")(lambda site, ctx: None)
    assert before == RULES
    assert rule_for("county", "C13").name == "annual-report-on-time"


def test_every_rule_is_documented_in_the_fixed_shape():
    for entry in RULES.values():
        doc = entry.doc
        for part in ("Why:", "Evidence:", "Met:", "Not met:"):
            assert part in doc, f"{entry.name} lacks {part}"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry.name)


def test_the_rules_table_lists_all_51_rows_with_group_question_and_checkability():
    lines = rules_table().splitlines()[1:]
    assert len(lines) == 51
    assert lines[12].split("\t")[:4] == ["C13", "政府信息公开", "是否及时发布上年度政府信息公开工作报告", "网站可查"]
    assert lines[-1].startswith("D16\t政务服务\t")


def test_describing_a_rule_prints_its_documentation_and_a_manual_row_what_to_ask_for():
    text = describe_rule("c13")
    assert text is not None
    assert "annual-report-on-time" in text
    assert "Why:" in text
    manual_row = describe_rule("C17")
    assert manual_row is not None
    assert "需提供" in manual_row
    assert "场地" in manual_row
    assert describe_rule("C99") is None


def test_every_term_set_a_ruleset_names_exists_in_the_vocabulary():
    vocab = load_vocabulary()
    for name in available():
        ruleset = load_ruleset(name)
        vocab.pick("columns", ruleset.param("columns_required"))
        for key in ("statutory", "statutory_township"):
            for set_name in ruleset.param(key):
                assert vocab.terms(set_name)
        vocab.pick("guide_facts", ruleset.param("guide_facts"))


@pytest.mark.parametrize(("name", "key", "year", "due"), [
    ("2013-county", "annual_report_government", 2025, date(2026, 3, 31)),
    ("2013-department", "annual_report_department", 2025, date(2026, 3, 31)),
    ("2019-county", "annual_report_department", 2025, date(2026, 1, 31)),
    ("2019-county", "annual_report_government", 2025, date(2026, 3, 31)),
    ("2019-department", "annual_report_department", 2025, date(2026, 1, 31)),
])
def test_rulesets_give_each_reports_deadline_in_the_following_year(name, key, year, due):
    assert load_ruleset(name).deadline(key, year) == due


def test_a_ruleset_of_one_edition_judges_the_other_form_with_its_twin():
    assert ruleset_for("department", "2019-county").name == "2019-department"
    assert ruleset_for("county", None).name == "2013-county"


def test_an_unknown_ruleset_is_a_one_line_error_naming_the_available_ones():
    with pytest.raises(RulesetError, match="2013-county") as info:
        load_ruleset("1999-county")
    assert "\n" not in str(info.value)


def test_a_malformed_vocabulary_file_is_an_error_naming_the_file(tmp_path: Path):
    (tmp_path / "broken.yaml").write_text("columns:\n  政务公开: {urls: [zwgk]}\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"broken\.yaml: columns\.政务公开"):
        load_vocabulary(tmp_path)


def test_a_term_set_defined_in_two_files_is_an_error(tmp_path: Path):
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text("extra:\n  x: [甲乙丙]\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="defined twice"):
        load_vocabulary(tmp_path)


def test_a_web_team_can_add_a_synonym_without_code(tmp_path: Path):
    (tmp_path / "columns.yaml").write_text("columns:\n  互动交流: [民意征集]\n", encoding="utf-8")
    term = load_vocabulary(tmp_path).term("columns", "互动交流")
    assert term.in_label(" 民意征集 ")


@pytest.mark.parametrize(("label", "expected"), [
    ("政务公开", True), ("政府信息公开", True), ("公开", True), ("公开招聘", False), ("信息公开目录", True),
    ("党务、公开", True), ("公开栏目", False),
])
def test_short_synonyms_must_equal_the_label_and_long_ones_may_be_contained(label, expected):
    term = Term("政务公开", ("政务公开", "信息公开", "公开"))
    assert term.in_label(label) is expected


def test_a_label_listing_several_things_matches_a_short_synonym_for_any_of_them():
    relief = load_vocabulary().term("statutory-2008-art12", "抢险救灾和救济")
    assert relief.in_label("救灾救济、优抚、低保")
    assert not relief.in_label("优抚安置工作动态")


def test_url_tokens_match_whole_path_parts_only():
    term = Term("政务公开", ("政务公开",), ("zwgk", "gk"))
    assert term.in_url("http://x.gov.cn/zwgk/index.html")
    assert term.in_url("http://x.gov.cn/gk/")
    assert not term.in_url("http://x.gov.cn/gkzn/")


def test_an_unknown_form_is_refused():
    with pytest.raises(CatalogueError):
        load_form("township")
