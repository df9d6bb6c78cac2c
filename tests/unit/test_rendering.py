"""One answer, many renderings: the corpus's text as Slack mrkdwn, Teams markdown, Block Kit and
Hero Cards, and long answers split into readable messages."""

from __future__ import annotations

from bot.channels.rendering import (
    HERO_CARD,
    MAX_PART_CHARS,
    message_parts,
    slack_blocks,
    slack_mrkdwn,
    teams_hero_card,
    teams_markdown,
)
from bot.corpus import FaqEntry

LIST = "It depends on the role:\n- Software Developer: 16 weeks.\n- Business Analyst: online."


def test_slack_shows_bullets_as_bullet_points_and_keeps_paragraphs() -> None:
    assert slack_mrkdwn(f"First paragraph.\n\n{LIST}") == (
        "First paragraph.\n\nIt depends on the role:\n• Software Developer: 16 weeks.\n"
        "• Business Analyst: online."
    )


def test_slack_bold_and_links_use_slack_markup() -> None:
    assert slack_mrkdwn("Read **the FAQ** at [GOV.UK](https://www.gov.uk/techtrack?a=1&b=2).") == (
        "Read *the FAQ* at <https://www.gov.uk/techtrack?a=1&amp;b=2|GOV.UK>."
    )


def test_slack_shows_angle_brackets_and_ampersands_as_typed() -> None:
    assert slack_mrkdwn("<script>alert('x')</script> & <@U123> <!channel>") == (
        "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;@U123&gt; &lt;!channel&gt;"
    )


def test_slack_buttons_are_block_kit_with_the_payload_as_value() -> None:
    button = {"title": "DevOps Engineer", "payload": '/inform_role{"role": "x"}'}
    blocks = slack_blocks("Which role?", [button])
    assert blocks[0] == {"type": "section", "text": {"type": "mrkdwn", "text": "Which role?"}}
    assert blocks[1]["type"] == "actions"
    [element] = blocks[1]["elements"]
    assert element["type"] == "button"
    assert element["text"] == {"type": "plain_text", "text": "DevOps Engineer"}
    assert element["value"] == '/inform_role{"role": "x"}'


def test_slack_splits_many_buttons_over_actions_blocks_and_clips_long_titles() -> None:
    buttons = [{"title": f"Choice {i} " + "x" * 80, "payload": str(i)} for i in range(30)]
    blocks = slack_blocks("Pick one", buttons)
    assert [len(b["elements"]) for b in blocks[1:]] == [25, 5]
    assert all(len(e["text"]["text"]) <= 75 for b in blocks[1:] for e in b["elements"])


def test_teams_keeps_lists_as_markdown_lists_and_separates_other_lines() -> None:
    assert teams_markdown(f"Intro line\nsecond line\n\n{LIST}") == (
        "Intro line\n\nsecond line\n\nIt depends on the role:\n\n- Software Developer: 16 weeks.\n"
        "- Business Analyst: online."
    )


def test_teams_markup_characters_are_shown_as_typed() -> None:
    assert teams_markdown("<script>x</script> *not bold* [not](a link)") == (
        r"\<script\>x\</script\> \*not bold\* \[not\](a link)"
    )
    assert teams_markdown("**Bold** and [GOV.UK](https://www.gov.uk/)") == (
        "**Bold** and [GOV.UK](https://www.gov.uk/)"
    )


def test_teams_buttons_are_a_hero_card_whose_clicks_carry_the_payload() -> None:
    card = teams_hero_card([{"title": "All roles", "payload": '/inform_role{"role": "all"}'}])
    assert card["contentType"] == HERO_CARD == "application/vnd.microsoft.card.hero"
    [button] = card["content"]["buttons"]
    assert button["type"] == "messageBack"
    assert button["title"] == button["displayText"] == "All roles"
    assert button["value"] == {"payload": '/inform_role{"role": "all"}'}


def test_each_paragraph_is_its_own_message() -> None:
    assert message_parts("One.\n\nTwo.\n\n\nThree.") == ["One.", "Two.", "Three."]


def test_a_long_list_is_split_between_items_never_inside_one() -> None:
    items = [f"- Item {i}: " + "word " * 30 for i in range(8)]
    text = "Here is the list:\n" + "\n".join(i.strip() for i in items)
    parts = message_parts(text)
    assert len(parts) > 1
    assert all(len(p) <= MAX_PART_CHARS for p in parts)
    assert parts[0].startswith("Here is the list:\n- Item 0:")
    assert "\n".join(parts) == text


def test_a_long_paragraph_is_split_between_sentences() -> None:
    sentence = "This sentence is about the apprenticeship and it is fairly long indeed. "
    text = (sentence * 20).strip()
    parts = message_parts(text)
    assert len(parts) > 1
    assert all(len(p) <= MAX_PART_CHARS and p.endswith(".") for p in parts)
    assert " ".join(parts) == text


def test_a_sentence_longer_than_a_message_is_cut_between_words() -> None:
    text = "word " * 300
    parts = message_parts(text)
    assert all(len(p) <= MAX_PART_CHARS for p in parts)
    assert " ".join(parts).split() == text.split()


def test_every_corpus_answer_fits_in_readable_messages_and_loses_nothing(
    corpus: dict[str, FaqEntry],
) -> None:
    for entry in corpus.values():
        for answer in [entry.answer, *entry.answers.values()]:
            parts = message_parts(answer)
            assert all(len(p) <= MAX_PART_CHARS for p in parts), entry.id
            assert "".join(answer.split()) == "".join("".join(parts).split()), entry.id


def test_a_verdict_renders_with_its_lists_apart_on_teams_and_slack() -> None:
    from bot.eligibility.conversation import verdict

    _, reply = verdict({
        "role": "software_developer", "age": 30, "nationality": "uk", "residence_years": "all_my_life",
        "student_loan": "no", "other_programme": "no", "prior_qualification": "no",
        "works_in_england": "yes"})
    teams = teams_markdown(reply.text)
    assert "- Working in England: Yes\n\nIf anything is wrong" in teams
    assert "- Years living in the UK: all my life\n" in teams
    slack = slack_mrkdwn(reply.text)
    assert "• Working in England: Yes\n\nIf anything is wrong" in slack
    assert "99" not in teams + slack
