"""Nationality and country names, mapped to the groups the residency rules use."""

from __future__ import annotations

# group -> (country names, nationality adjectives/demonyms), lower case.
GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "uk": (
        ("united kingdom", "uk", "great britain", "britain", "england", "scotland", "wales",
         "northern ireland", "jersey", "guernsey", "isle of man", "the uk", "gb"),
        ("british", "english", "scottish", "welsh", "northern irish", "manx", "jersiais",
         "guernsiais", "uk citizen", "uk national", "brit"),
    ),
    "irish": (
        ("ireland", "republic of ireland", "eire"),
        ("irish",),
    ),
    "eu_eea": (
        ("austria", "belgium", "bulgaria", "croatia", "cyprus", "czech republic", "czechia",
         "denmark", "estonia", "finland", "france", "germany", "greece", "hungary", "italy",
         "latvia", "lithuania", "luxembourg", "malta", "netherlands", "the netherlands", "holland",
         "poland", "portugal", "romania", "slovakia", "slovenia", "spain", "sweden",
         "iceland", "liechtenstein", "norway", "switzerland"),
        ("austrian", "belgian", "bulgarian", "croatian", "cypriot", "czech", "danish", "dane",
         "estonian", "finnish", "finn", "french", "german", "greek", "hungarian", "italian",
         "latvian", "lithuanian", "luxembourgish", "luxembourger", "maltese", "dutch", "polish",
         "pole", "portuguese", "romanian", "slovak", "slovakian", "slovenian", "slovene",
         "spanish", "spaniard", "swedish", "swede", "icelandic", "icelander", "liechtensteiner",
         "norwegian", "swiss", "eu", "eea", "european union", "eu citizen", "eea citizen",
         "eu national"),
    ),
}

NAMES: dict[str, str] = {
    name: group for group, (countries, people) in GROUPS.items() for name in (*countries, *people)
}
