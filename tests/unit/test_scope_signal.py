"""The second out-of-scope signal (bot/nlu/scope.py) and the NLU component that applies it
(bot/nlu/scope_guard.py): given a message and a vocabulary, whether the message lacks TechTrack
content, and what the component then does with the classifier's intent. No trained model."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.scope import (
    MAX_FUZZY_LOOKUPS,
    Coverage,
    ScopeThresholds,
    Vocabulary,
    content_lemmas,
    coverage,
    lacks_content,
)
from bot.nlu.scope_guard import ScopeGuard, guarded

# Lower than config.yml's `strong`: this vocabulary has only a few out-of-scope examples, so even
# the most specific word here scores about 0.77.
THRESHOLDS = ScopeThresholds(coverage=0.4, strong=0.75)

IN_SCOPE = {
    "faq/salary": ["what is the apprenticeship salary", "how much do apprentices get paid",
                   "is the apprenticeship pay good", "salary for apprentices", "apprentice pay"],
    "faq/duration": ["how long is the apprenticeship", "how long does the apprenticeship last",
                     "apprenticeship length in months", "how many months is techtrack"],
    "faq/how_to_apply": ["how do I apply for techtrack", "where do I apply for the apprenticeship",
                         "apply for techtrack", "techtrack application"],
    "inform_role": ["software developer", "devops engineer", "business analyst"],
}
OUT_OF_SCOPE = {
    "out_of_scope": ["how do I pay my council tax", "how long do I boil an egg",
                     "how long is the flight to spain", "pay my credit card bill",
                     "how do I apply for a passport", "card payment declined", "boil pasta",
                     "how many points for a free coffee", "loyalty points balance"],
}


def words(text: str) -> list[tuple[str, str]]:
    """(text, lemma) pairs; the lemma is the word itself, as a whitespace tokenizer gives it."""
    return [(word, word) for word in text.lower().replace("?", "").split()]


def vocabulary() -> Vocabulary:
    examples = [(content_lemmas(words(text)), label)
                for labels in (IN_SCOPE, OUT_OF_SCOPE) for label, texts in labels.items() for text in texts]
    return Vocabulary.learn(examples)


def measure(text: str) -> Coverage:
    return coverage(content_lemmas(words(text)), vocabulary())


def test_content_words_leave_out_stop_words_filler_numbers_and_punctuation() -> None:
    assert content_lemmas(words("hi, how long is it? thanks")) == ["long"]
    assert content_lemmas(words("is the salary 30000 per year")) == ["salary", "year"]
    assert content_lemmas([("Paid", "pay"), ("?", "?")]) == ["pay"]


def test_specificity_is_high_for_techtrack_words_middling_for_shared_ones_and_nil_for_others() -> None:
    v = vocabulary()
    assert v.specificity("apprenticeship") > THRESHOLDS.strong
    assert v.specificity("techtrack") > 0.6
    assert 0.2 < v.specificity("long") < 0.75  # "how long is the apprenticeship", "how long ... egg"
    assert v.specificity("pay") < v.specificity("salary")
    assert v.specificity("egg") == 0.0  # only ever out of scope
    assert v.specificity("giraffe") == 0.0  # never seen
    # A typo of an in-scope word counts as that word.
    assert v.specificity("apprenticeshp") == v.specificity("apprenticeship")


def test_a_short_word_one_typo_from_a_techtrack_word_counts_as_it() -> None:
    v = vocabulary()
    assert v.specificity("aplly") == v.specificity("apply") > 0  # a letter changed
    assert v.specificity("salry") == v.specificity("salary") > 0  # a letter dropped
    assert v.specificity("paay") == v.specificity("pay") > 0  # a letter added
    assert v.specificity("appyl") == v.specificity("apply")  # two neighbours swapped
    # Two typos, or another first letter, are another word.
    assert v.specificity("alpyy") == 0.0
    assert v.specificity("bpply") == 0.0
    assert not lacks_content(measure("can i aplly for techtrak"), THRESHOLDS)


def test_a_long_word_with_two_neighbours_swapped_counts_as_it() -> None:
    v = vocabulary()
    assert v.specificity("apprentiecship") == v.specificity("apprenticeship") > 0
    assert v.specificity("techtarck") == v.specificity("techtrack") > 0


def test_without_a_word_from_elsewhere_a_message_of_shared_words_keeps_its_answer() -> None:
    # "is there an age limit": only TechTrack words, if shared ones; "... for giving blood" has one
    # from elsewhere.
    foreign = ScopeThresholds(coverage=0.4, strong=0.75, foreign=0.2)
    shared_only = Coverage(words=2, coverage=0.33, strongest=0.41, weakest=0.25)
    assert not lacks_content(shared_only, foreign)
    assert lacks_content(Coverage(words=3, coverage=0.3, strongest=0.41, weakest=0.0), foreign)
    assert lacks_content(shared_only, THRESHOLDS)  # the default: every word counts as from elsewhere


def test_a_message_with_one_shared_word_and_nothing_of_techtrack_lacks_content() -> None:
    for text in ("what's the minimum card payment this month", "how long do I boil an egg",
                 "how many loyalty points do I need", "how do I apply for a passport"):
        assert lacks_content(measure(text), THRESHOLDS), text


def test_a_techtrack_question_does_not_lack_content() -> None:
    for text in ("how long is the apprenticeship", "how much do apprentices get paid",
                 "can I apply for techtrack", "salary?", "my aunt bakes cakes, is the apprenticeship pay ok"):
        assert not lacks_content(measure(text), THRESHOLDS), text


def test_an_aside_word_is_filler() -> None:
    # An exploratory tester's "whats the salary btw?" mid-check got "I don't know": "btw" counted as a word
    # from elsewhere.
    assert content_lemmas(words("how much is the pay btw?")) == content_lemmas(words("how much is the pay?"))
    assert not lacks_content(measure("is the salary good btw"), THRESHOLDS)
    # near miss: an off-topic question stays off-topic with it
    assert lacks_content(measure("btw how long do I boil an egg"), THRESHOLDS)


def test_a_message_without_content_words_is_left_to_the_classifier() -> None:
    measured = measure("what is it?")
    assert measured.words == 0
    assert not lacks_content(measured, THRESHOLDS)


def test_one_strongly_specific_word_is_enough() -> None:
    measured = Coverage(words=5, coverage=0.2, strongest=0.95)
    assert not lacks_content(measured, THRESHOLDS)
    assert lacks_content(Coverage(words=5, coverage=0.2, strongest=0.5), THRESHOLDS)
    assert not lacks_content(Coverage(words=2, coverage=0.45, strongest=0.5), THRESHOLDS)


def test_the_vocabulary_survives_a_round_trip() -> None:
    v = vocabulary()
    again = Vocabulary.from_json(v.as_json())
    assert again.specificity("salary") == v.specificity("salary")


def test_the_guarded_intents_are_those_that_answer_or_ask_for_a_role_or_a_change() -> None:
    assert guarded("faq") and guarded("faq/salary") and guarded("inform_role")
    assert guarded("change_answer") and guarded("check_eligibility")
    assert not guarded("greet") and not guarded("distress") and not guarded("out_of_scope")


def example(text: str, label: str) -> Message:
    if label.startswith("faq/"):
        return Message(data={TEXT: text, INTENT: "faq", INTENT_RESPONSE_KEY: label})
    return Message(data={TEXT: text, INTENT: label})


def trained_guard(tmp_path: Path) -> tuple[WhitespaceTokenizer, ScopeGuard]:
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    data = TrainingData([example(text, label) for labels in (IN_SCOPE, OUT_OF_SCOPE)
                         for label, texts in labels.items() for text in texts])
    tokenizer.process_training_data(data)
    config = {**ScopeGuard.get_default_config(), "coverage_threshold": THRESHOLDS.coverage,
              "strong_threshold": THRESHOLDS.strong}
    guard = ScopeGuard.create(config, storage, Resource("scope"), context)
    guard.train(data)
    return tokenizer, ScopeGuard.load(config, storage, Resource("scope"), context)


def parsed(tokenizer: WhitespaceTokenizer, guard: ScopeGuard, text: str, intent: str) -> Message:
    message = Message(data={TEXT: text})
    tokenizer.process([message])
    message.set(INTENT, {"name": intent, "confidence": 0.9}, add_to_output=True)
    message.set("intent_ranking", [{"name": intent, "confidence": 0.9}], add_to_output=True)
    guard.process([message])
    return message


def test_the_component_declines_an_off_topic_message_the_classifier_took_for_an_faq(tmp_path: Path) -> None:
    tokenizer, guard = trained_guard(tmp_path)
    message = parsed(tokenizer, guard, "minimum card payment this month", "faq")
    assert message.get(INTENT)["name"] == "out_of_scope"
    assert message.get("intent_ranking")[0]["name"] == "out_of_scope"
    assert message.get("intent_ranking")[1]["name"] == "faq"
    assert message.get("scope")["intent"]["name"] == "faq"  # the classifier's own, for tuning
    # Nor a role question, nor "which answer would you like to change?".
    for text, intent in (("loyalty points balance", "inform_role"), ("boil pasta", "change_answer")):
        assert parsed(tokenizer, guard, text, intent).get(INTENT)["name"] == "out_of_scope"


def test_the_component_keeps_techtrack_questions_other_intents_and_buttons(tmp_path: Path) -> None:
    tokenizer, guard = trained_guard(tmp_path)
    assert parsed(tokenizer, guard, "how long is the apprenticeship", "faq").get(INTENT)["name"] == "faq"
    assert parsed(tokenizer, guard, "how long do I boil an egg", "greet").get(INTENT)["name"] == "greet"
    assert parsed(tokenizer, guard, "/faq/salary", "faq").get(INTENT)["name"] == "faq"


def test_a_long_message_of_made_up_words_costs_a_bounded_number_of_spelling_lookups(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    vocabulary = Vocabulary.learn([(["apprenticeship", "salary"], "faq/salary"),
                                   (["weather"], "out_of_scope")])
    looked_up: list[str] = []
    real = Vocabulary.specificity
    monkeypatch.setattr(Vocabulary, "specificity",
                        lambda self, lemma: looked_up.append(lemma) or real(self, lemma))
    made_up = [f"zzqx{n:04d}" for n in range(300)]
    measured = coverage([*made_up, "aprenticeship", *made_up], vocabulary)
    assert len(looked_up) == MAX_FUZZY_LOOKUPS  # each word once, and no more lookups than that
    assert measured.words == 601 and measured.strongest == 0.0  # the misspelling came after the budget
    # within the budget a misspelt TechTrack word still counts as the word
    assert coverage(["aprenticeship", *made_up[:5]], vocabulary).strongest == \
        vocabulary.known_specificity("apprenticeship") > 0
