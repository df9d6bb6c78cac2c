from bot.eligibility.diagram import OUTPUT, document, walk


def test_the_flow_diagram_is_up_to_date() -> None:
    assert OUTPUT.read_text() == document(), "run `python -m bot.eligibility.diagram` and commit"


def test_the_diagram_has_every_question_and_branch() -> None:
    nodes, edges = walk()
    assert {"role", "age", "nationality", "gcses", "it_qualification"} <= set(nodes)
    assert ("age", "under 15", "not_eligible") in edges
    assert ("age", "15", "age_at_start") in edges
    assert ("euss_status_eu_eea", "Neither", "other_permission_eu_eea_none") in edges
    assert ("other_permission_eu_eea_none", "No", "not_eligible") in edges
    assert ("immigration_status_other", "Waiting for an asylum decision, with permission to work",
            "student_loan") in edges
    assert ("immigration_status_other", "A student visa", "not_eligible") in edges
    assert ("residence_years_uk", "under 3 years", "student_loan") in edges  # check, not a flat no
    assert edges[("level3", "Yes", "it_qualification")] == {"cyber_security_technologist"}
