import pytest

from bot.roles import (
    ALL_ROLES,
    ROLES,
    find_role,
    find_roles,
    normalise_role,
    provider_named_for_another_role,
    role_in_parse,
)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("how long is the devops one?", "devops_engineer"),
        ("How long is the Dev Ops Engineer apprenticeship", "devops_engineer"),
        ("I want to be a software developer", "software_developer"),
        ("is the dev role paid", "software_developer"),
        ("software engineer", "software_developer"),
        ("what about the BA role", "business_analyst"),
        ("business analysis", "business_analyst"),
        ("cyber security technologist", "cyber_security_technologist"),
        ("Is cybersecurity hard", "cyber_security_technologist"),
        ("will I get job security", None),  # "security" alone is not a role
        ("what is the coding challenge", None),
        ("software dev or devops?", None),  # two different roles: ambiguous
        ("how long is it", None),
    ],
)
def test_find_role(text: str, role: str | None) -> None:
    assert find_role(text) == role


def test_longest_phrase_wins() -> None:
    assert find_roles("dev ops engineer") == [(0, 16, "devops_engineer")]


@pytest.mark.parametrize(
    ("value", "role"),
    [
        ("devops_engineer", "devops_engineer"),
        ("DevOps Engineer", "devops_engineer"),
        ("dev", "software_developer"),
        ("BA", "business_analyst"),
        ("plumber", None),
        (None, None),
    ],
)
def test_normalise_role(value: object, role: str | None) -> None:
    assert normalise_role(value) == role


def test_every_role_has_the_provider_the_faq_names() -> None:
    # The FAQ: "Makers: for Software Developer and DevOps Engineer Roles" and "BPP & Estio: for
    # Business Analyst and Cyber Security Technologist Roles", without saying which is which.
    assert {k: r.provider for k, r in ROLES.items()} == {
        "software_developer": "Makers", "devops_engineer": "Makers",
        "business_analyst": "BPP and Estio", "cyber_security_technologist": "BPP and Estio"}


def test_the_role_a_parsed_message_names() -> None:
    def entity(value: str) -> dict[str, str]:
        return {"entity": "role", "value": value}

    assert role_in_parse({"text": "what's the salary", "entities": [entity("devops_engineer")]}) == (
        "devops_engineer"
    )
    assert role_in_parse({"text": "for all of them", "entities": [entity(ALL_ROLES)]}) == ALL_ROLES
    # An entity value that is not a role is passed over; the text still names one.
    assert role_in_parse({"text": "as a business analyst", "entities": [entity("chef")]}) == (
        "business_analyst"
    )
    assert role_in_parse({"text": "how long is it"}) is None


def test_a_provider_named_for_another_role_than_the_one_remembered() -> None:
    # An exploratory tester's "who are BPP" with DevOps remembered got "The DevOps Engineer
    # apprenticeship's training provider is Makers".
    assert provider_named_for_another_role("what do Estio do?", "software_developer") == "business_analyst"
    assert provider_named_for_another_role("is makers any good", "cyber_security_technologist") == \
        "software_developer"
    assert provider_named_for_another_role("who are makers", "devops_engineer") is None
    assert provider_named_for_another_role("who are bpp", None) is None
    assert provider_named_for_another_role("who are the providers", "devops_engineer") is None


def test_an_analysts_job_is_not_the_business_analyst_role() -> None:
    # An exploratory tester's "I'm an IT support analyst, thinking about the cyber apprenticeship" was
    # checked for Business Analyst and found eligible, without the Cyber-only question.
    text = "just started as a data analyst at DWP, considering the cyber one"
    assert find_role(text) == "cyber_security_technologist"
    start = text.index("analyst")
    entity = {"entity": "role", "value": "analyst", "start": start, "end": start + len("analyst")}
    assert role_in_parse({"text": text, "entities": [entity]}) == "cyber_security_technologist"
    assert find_role("the analyst one please") == "business_analyst"
    assert find_role("I'm a junior business analyst") == "business_analyst"


def test_the_software_one_names_the_software_developer_role() -> None:
    # An exploratory tester's "what about the software one, is that online too" after Cyber's answer got
    # Cyber's answer again.
    assert find_role("what about the software one, is that online too") == "software_developer"
    assert find_role("is the software apprenticeship remote?") == "software_developer"
    # near miss: software that isn't a role
    assert find_role("what software will I use?") is None
