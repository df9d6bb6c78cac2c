"""The scrubber (bot/storage/scrub.py): each kind of personal data it removes, the ordinary text it
must leave alone, and that its patterns take time in proportion to the text's length."""

from __future__ import annotations

import time

import pytest

from bot.storage.scrub import scrub, scrub_patterns

REMOVED = [
    # UK postcodes, any case
    ("My postcode is SW1A 1AA", "My postcode is [postcode]", ["SW1A 1AA"]),
    ("I live in m1 1ae near the station", "I live in [postcode] near the station", ["m1 1ae"]),
    ("EC1A1BB is my postcode", "[postcode] is my postcode", ["EC1A1BB"]),
    # National Insurance numbers
    ("NI number QQ 12 34 56 C", "NI number [NI number]", ["QQ 12 34 56 C"]),
    ("my ni is qq123456c", "my ni is [NI number]", ["qq123456c"]),
    ("AB-12-34-56-D is mine", "[NI number] is mine", ["AB-12-34-56-D"]),
    # phone numbers
    ("call me on 07700 900123", "call me on [phone]", ["07700 900123"]),
    ("my mobile is 07700900123.", "my mobile is [phone].", ["07700900123"]),
    ("ring (020) 7946 0958 after 5", "ring [phone] after 5", ["7946 0958"]),
    ("+44 (0)20 7946 0958", "[phone]", ["7946 0958"]),
    ("+447700900123 or 0044 7700 900123", "[phone] or [phone]", ["7700900123", "7700 900123"]),
    ("0161 496 0000 or 0161-496-0000", "[phone] or [phone]", ["496"]),
    ("my Polish number is +48 123 456 789", "my Polish number is [phone]", ["123 456 789"]),
    # dates of birth
    ("My DOB is 3 March 2001", "My DOB is [date]", ["March 2001"]),
    ("I was born on the 3rd of March 2001", "I was born on [date]", ["March 2001"]),
    ("born on 03/03/2001", "born on [date]", ["2001"]),
    ("3rd of March 2001 is my birthday", "[date] is my birthday", ["March 2001"]),
    ("date of birth: 2001-03-03", "date of birth: [date]", ["2001"]),
    ("my birthday is March 3rd", "my birthday is [date]", ["March 3rd"]),
    ("I was born in 1999", "I was born in [date]", ["1999"]),
    ("I was born in June 2004 in Leeds", "I was born in [date] in Leeds", ["June 2004"]),
    ("It's 14/2/98 on my passport", "It's [date] on my passport", ["14/2/98"]),
    # emails, plain and spelled out
    ("sarah.connor@example.com", "[email]", ["sarah.connor"]),
    ("email me: john dot smith at gmail dot com", "email me: [email]", ["john", "smith", "gmail"]),
    ("jane_doe [at] outlook [dot] co [dot] uk", "[email]", ["jane_doe", "outlook"]),
    ("J.Smith AT hotmail DOT co DOT uk thanks", "[email] thanks", ["Smith", "hotmail"]),
    ("reach me at john(at)gmail(dot)com", "reach me at [email]", ["john", "gmail"]),
    ("it's ahmed at yahoo dot co dot uk", "it's [email]", ["ahmed", "yahoo"]),
    ("mail priya.k @ outlook.com", "mail [email]", ["priya"]),
    # names people introduce
    ("I'm John Smith and I want to apply", "I'm [name] and I want to apply", ["John", "Smith"]),
    ("Hi, I'm Priya", "Hi, I'm [name]", ["Priya"]),
    ("my name is john smith and I'm 24", "my name is [name] and I'm 24", ["john", "smith"]),
    ("My name's Wojciech, can I apply?", "My name's [name], can I apply?", ["Wojciech"]),
    ("call me Dave", "call me [name]", ["Dave"]),
    ("regards, Ahmed Khan", "regards, [name]", ["Ahmed", "Khan"]),
    ("Can I apply?\n\nKind regards,\nAhmed Khan", "Can I apply?\n\nKind regards,\n[name]", ["Ahmed"]),
    ("Thanks, Sarah", "Thanks, [name]", ["Sarah"]),
    ("This is Mohammed, I am 30", "This is [name], I am 30", ["Mohammed"]),
    ("I spoke to John Smith about it", "I spoke to [name] about it", ["John", "Smith"]),
    # names in any alphabet, with initials
    ("my name is Zoë Łukasiewicz", "my name is [name]", ["Zoë", "Łukasiewicz"]),
    ("Best regards, J. Okafor", "Best regards, [name]", ["Okafor"]),
    ("born in 1999-07-21", "born in [date]", ["1999", "07-21"]),
    # addresses, ids, links
    ("Flat 2, 14 Elm Grove", "[address]", ["Flat 2", "Elm"]),
    ("apartment 7, 3 mill lane", "[address]", ["mill"]),
    ("I live at 10 Downing Street", "I live at [address]", ["Downing"]),
    ("my BRP is ZU1234567", "my BRP is [number]", ["ZU1234567"]),
    ("share code W7X 4YZ 9AB", "share code [number]", ["W7X", "9AB"]),
    ("my reference is 12345678", "my reference is [number]", ["12345678"]),
    ("see linkedin.com/in/john-smith-123", "see [link]", ["john-smith"]),
    ("I'm @jsmith99 on twitter", "I'm [handle] on twitter", ["jsmith99"]),
]

KEPT = [
    "I'm British",
    "I'm 24",
    "I'm Not sure",
    "I'm Currently Employed",
    "I'm Self Employed",
    "I'm Working Part Time",
    "I'm Keen To Apply For DevOps",
    "I'm Polish and I have settled status",
    "I am Nigerian with indefinite leave to remain",
    "I'm Dyslexic, is there support?",
    "I'm 23 and British",
    "Is the salary 25,000 in 2024?",
    "what does Makers do?",
    "The course starts on 1 September 2025",
    "The deadline is 31 March 2026",
    "I finished my GCSEs in June 2015 and studied 2019-2023",
    "I've been in the UK since March 2019, am I eligible?",
    "My visa runs out on 12/08/2026",
    "I was born in Nigeria",
    "look at bbc dot co dot uk",
    "I work 37.5 hours a week",
    "Is it 9am to 5pm?",
    "Thanks for your help!",
    "Thanks, that's all",
    "Kind regards",
    "Call me maybe",
    "call me back please",
    "I Am From Poland And I Have Pre-Settled Status",
    "I'm On Universal Credit, Can I Still Apply?",
    "Do I need GCSE English and Maths at grade 4?",
    "How much is the salary for the Software Developer role in London?",
    "version 2.0.1 of the form",
    "I have 3 A Levels and 7 GCSEs",
    "I waited 3 hours on the road",
]


@pytest.mark.parametrize(("text", "expected", "gone"), REMOVED, ids=[r[0][:40] for r in REMOVED])
def test_personal_data_is_replaced(text: str, expected: str, gone: list[str]) -> None:
    scrubbed = scrub(text)
    assert scrubbed == expected
    for value in gone:
        assert value not in scrubbed


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert scrub(text) == text


def test_a_message_with_many_kinds_at_once() -> None:
    text = ("Hi, I'm Priya Patel (priya dot patel at gmail dot com, 07700 900123), born 3rd of "
            "March 2001, NI QQ 12 34 56 C, postcode LS1 4AP. Am I eligible? Regards, Priya")
    assert scrub(text) == (
        "Hi, I'm [name] ([email], [phone]), born [date], NI [NI number], postcode [postcode]. "
        "Am I eligible? Regards, [name]"
    )


ADVERSARIAL = ["a", "a.", "dot ", "x at ", "a dot ", "1", "1 ", "0 ", "+1 ", "(0", "my name is ",
               "I'm Xx ", "regards Xx ", "3 March ", "1/1/", "Aa ", "A1", "12 Aa ", "a [at] b [dot] ",
               "born ", "@a", "linkedin.com/in/", "1-", "x@", "a.b@c.", "Thanks, "]


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        scrub_patterns(text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_the_patterns_take_linear_time(unit: str) -> None:
    """Four times the text takes about four times as long (a quadratic pattern would take 16
    times as long, seconds at this length), and 40,000 characters of the worst input for a pattern
    stay well under a second. (The slack allows for a machine busy with other work.)"""
    short, long = unit * (10_000 // len(unit)), unit * (40_000 // len(unit))
    took_short, took_long = _seconds(short), _seconds(long)
    assert took_long < 1.5
    assert took_long < 10 * took_short + 0.05
