"""Nationality and country names, mapped to the groups the residency rules use."""

from __future__ import annotations

import unicodedata

# group -> (country names, nationality adjectives/demonyms), lower case.
GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "uk": (
        ("united kingdom", "uk", "great britain", "britain", "england", "scotland", "wales",
         "northern ireland", "jersey", "guernsey", "isle of man", "the uk", "gb"),
        ("british", "english", "scottish", "welsh", "northern irish", "manx", "jersiais",
         "guernsiais", "uk citizen", "uk national", "brit",
         # people of a part of Britain, by the name only those born there take
         "geordie", "scouser", "brummie", "mancunian", "cockney", "yorkshireman", "yorkshirewoman",
         "glaswegian", "cornish",
         # British Overseas Territories
         "gibraltar", "gibraltarian", "falklands", "falkland islander", "falkland islands",
         "bermuda", "bermudian", "cayman islands", "caymanian", "montserrat", "anguilla",
         "anguillan", "st helena", "saint helena", "british virgin islands", "turks and caicos",
         "pitcairn"),
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
         "eu national",
         # said in their own language, accents left off (the reader takes them off too): only words
         # no English answer uses otherwise ("roman" and "dane" in Danish are not here)
         "espanol", "espanola", "polski", "polska", "francais", "francaise", "deutsch", "deutsche",
         "deutscher", "deutschland", "italiano", "italiana", "portugues", "portuguesa", "romana",
         "romanca", "magyar", "lietuvis", "lietuve", "lietuva", "latvietis", "latviete", "latvija",
         "eesti", "eestlane", "suomalainen", "suomi", "svensk", "svenska", "dansk", "danske", "norsk",
         "nederlands", "nederlandse", "nederlander", "osterreicher", "osterreich", "hrvat", "hrvatska",
         "hrvatski", "slovensky", "slovenska", "slovenec", "slovenka", "cesky", "ceska", "balgarin",
         "ellinas", "elliniki", "malti", "schweizer", "luxembourgeois", "islenskur"),
    ),
}

NAMES: dict[str, str] = {
    name: group for group, (countries, people) in GROUPS.items() for name in (*countries, *people)
}

# Common nationalities outside the UK, Ireland and the EEA, so "I'm American" is understood even
# where spaCy's entities are not at hand; spaCy's NORP entities cover the rest.
OTHER: tuple[str, ...] = (
    "american", "usa", "united states", "canadian", "canada", "australian", "australia",
    "new zealander", "kiwi", "indian", "india", "pakistani", "pakistan", "bangladeshi",
    "bangladesh", "sri lankan", "nepalese", "nepali", "chinese", "china", "hong konger",
    "hong kong", "japanese", "korean", "filipino", "philippines", "vietnamese", "thai",
    "malaysian", "indonesian", "singaporean", "nigerian", "nigeria", "ghanaian", "ghana",
    "kenyan", "kenya", "south african", "zimbabwean", "ugandan", "somali", "ethiopian",
    "eritrean", "sudanese", "egyptian", "moroccan", "algerian", "tunisian", "turkish", "turkey",
    "ukrainian", "ukraine", "russian", "russia", "belarusian", "albanian", "serbian", "bosnian",
    "kosovan", "macedonian", "moldovan", "georgian", "armenian", "iranian", "iran", "iraqi",
    "iraq", "syrian", "syria", "afghan", "afghanistan", "lebanese", "jordanian", "israeli",
    "saudi", "emirati", "brazilian", "brazil", "mexican", "colombian", "venezuelan",
    "argentinian", "argentine", "chilean", "peruvian", "jamaican", "trinidadian", "barbadian",
    # more countries and their people, so "from Sri Lanka" or "Cameroonian" needs no spaCy entity
    "sri lanka", "nepal", "japan", "south korea", "korea", "vietnam", "thailand", "malaysia",
    "indonesia", "singapore", "south africa", "zimbabwe", "uganda", "somalia", "ethiopia", "eritrea",
    "sudan", "egypt", "morocco", "algeria", "tunisia", "libya", "libyan", "albania", "serbia",
    "bosnia", "kosovo", "north macedonia", "moldova", "armenia", "azerbaijan",
    "azerbaijani", "kazakhstan", "kazakh", "uzbekistan", "uzbek", "lebanon",
    "palestine", "palestinian", "saudi arabia", "yemen", "yemeni", "kuwait", "kuwaiti", "qatar",
    "qatari", "oman", "omani", "bahrain", "bahraini", "united arab emirates", "uae", "mexico",
    "colombia", "venezuela", "argentina", "chile", "peru", "ecuador", "ecuadorian", "bolivia",
    "bolivian", "cuba", "cuban", "jamaica", "trinidad", "barbados", "guyana", "guyanese",
    "cameroon", "cameroonian", "senegal", "senegalese", "ivory coast", "ivorian", "sierra leone",
    "sierra leonean", "gambia", "gambian", "liberia", "liberian", "rwanda", "rwandan", "tanzania",
    "tanzanian", "malawi", "malawian", "zambia", "zambian", "botswana", "namibia", "namibian",
    "mozambique", "angola", "angolan", "congo", "congolese", "burundi", "mauritius", "mauritian",
    "myanmar", "burmese", "cambodia", "cambodian", "laos", "mongolia", "mongolian", "taiwan",
    "taiwanese", "new zealand", "fiji", "fijian", "tongan", "samoan",
    # nicknames people use of themselves and their country
    "aussie", "naija",
)
NAMES.update({name: "other" for name in OTHER})

# Flags said for a nationality ("🇳🇬"), by their ISO 3166 code: the UK's with its Crown Dependencies
# and Overseas Territories, Ireland's, the EU's and the EEA's and Switzerland's; the territories of EU
# countries overseas are left undecided.
def _codes(codes: str) -> list[str]:
    return codes.split()


FLAG_GROUPS: dict[str, str] = {
    **dict.fromkeys(_codes("GB JE GG IM GI FK BM KY MS AI SH TC VG PN IO GS AC TA"), "uk"),
    "IE": "irish",
    **dict.fromkeys(_codes("AT BE BG HR CY CZ DK EE FI FR DE GR HU IT LV LT LU MT NL PL PT RO SK SI ES SE "
                           "IS LI NO CH EU"), "eu_eea"),
    **dict.fromkeys(_codes("AX BL BQ CP EA GF GP IC MF MQ PM RE SJ YT BV"), ""),
}
# Every other country's flag (ISO 3166-1 codes in use, and Kosovo's)
OTHER_FLAGS = frozenset(_codes(
    "AD AE AF AG AL AM AO AQ AR AS AU AW AZ BA BB BD BF BH BI BJ BN BO BR BS BT BW BY BZ CA CC CD CF CG "
    "CI CK CL CM CN CO CR CU CV CW CX DG DJ DM DO DZ EC EG EH ER ET FJ FM FO GA GD GE GH GL GM GN GQ GT "
    "GU GW GY HK HM HN HT ID IL IN IQ IR JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LK LR LS LY "
    "MA MC MD ME MG MH MK ML MM MN MO MP MR MU MV MW MX MY MZ NA NC NE NF NG NI NP NR NU NZ OM PA PE PF "
    "PG PH PK PR PS PW PY QA RS RU RW SA SB SC SD SG SL SM SN SO SR SS ST SV SX SY SZ TD TF TG TH TJ TK "
    "TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VI VN VU WF WS XK YE ZA ZM ZW"))
REGIONAL_A = 0x1F1E6


def flag_groups(text: str) -> list[str]:
    """The groups of the country flags in `text`: "naija 🇳🇬" -> ["other"]."""
    letters = [chr(ord(ch) - REGIONAL_A + ord("A")) if REGIONAL_A <= ord(ch) <= REGIONAL_A + 25 else " "
               for ch in text]
    codes = "".join(letters).split()
    found = []
    for run in codes:
        for code in (run[i:i + 2] for i in range(0, len(run) - 1, 2)):
            group = FLAG_GROUPS.get(code, "other" if code in OTHER_FLAGS else "")
            if group:
                found.append(group)
    return found


def unaccented(text: str) -> str:
    """ "español" -> "espanol", "română" -> "romana": letters without their accents (as NAMES has
    the names people write in their own language)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
