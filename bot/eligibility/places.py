"""Places in and outside England, for "where will you work?" answers."""

from __future__ import annotations

import re

from bot.eligibility.nationalities import GROUPS

ENGLAND: tuple[str, ...] = (
    "england", "english", "london", "manchester", "birmingham", "leeds", "bristol", "sheffield",
    "newcastle", "liverpool", "nottingham", "leicester", "york", "brighton", "oxford", "cambridge",
    "coventry", "southampton", "portsmouth", "reading", "norwich", "exeter", "plymouth", "hull",
    "bradford", "sunderland", "milton keynes", "croydon", "salford", "bath", "derby", "stoke",
    "wolverhampton", "swindon", "ipswich", "peterborough", "gloucester", "cheltenham",
    "middlesbrough", "durham", "carlisle", "lancaster", "preston", "blackpool", "bolton",
    "wigan", "stockport", "warrington", "chester", "crewe", "telford", "worcester", "hereford",
    "lincoln", "doncaster", "wakefield", "huddersfield", "halifax", "harrogate", "darlington",
    "luton", "watford", "slough", "basingstoke", "guildford", "canterbury", "maidstone",
    "colchester", "chelmsford", "southend", "bournemouth", "poole", "taunton", "truro",
    "northampton", "bedford", "cornwall", "devon", "kent", "essex", "surrey", "sussex",
    "yorkshire", "lancashire", "cumbria", "northumberland", "the north east", "the north west",
    "the midlands", "midlands", "the south west", "the south east", "east anglia", "whitehall",
    "westminster", "canary wharf", "shipley", "newport pagnell", "telford", "berwick-upon-tweed",
    "berwick upon tweed", "berwick", "gateshead",
    # towns near the Welsh and Scottish borders, where "I live in Wales, my job is in X" is common
    "shrewsbury", "oswestry", "ludlow", "leominster", "ross-on-wye", "ross on wye", "kidderminster",
    "ellesmere port", "birkenhead", "wirral", "the wirral", "runcorn", "widnes", "whitchurch",
    "hexham", "alnwick", "morpeth", "penrith", "kendal", "workington", "whitehaven",
    "barrow-in-furness", "barrow in furness", "cheshire", "shropshire", "herefordshire",
    "gloucestershire", "merseyside", "forest of dean", "chester-le-street",
    # other large towns and counties of England
    "stoke-on-trent", "stoke on trent", "stafford", "macclesfield", "st helens", "southport", "chorley",
    "blackburn", "burnley", "oldham", "rochdale", "barnsley", "rotherham", "grimsby", "scunthorpe",
    "mansfield", "chesterfield", "loughborough", "nuneaton", "solihull", "walsall", "dudley",
    "west bromwich", "redditch", "stratford-upon-avon", "banbury", "high wycombe", "aylesbury", "newbury",
    "winchester", "salisbury", "yeovil", "weston-super-mare", "torquay", "barnstaple", "weymouth",
    "eastbourne", "hastings", "worthing", "crawley", "horsham", "tunbridge wells", "folkestone",
    "margate", "dartford", "basildon", "harlow", "stevenage", "st albans", "hemel hempstead",
    "great yarmouth", "lowestoft", "bury st edmunds", "kettering", "leamington spa", "tamworth",
    "lichfield", "hartlepool", "stockton-on-tees", "stockton", "redcar", "teesside", "south shields",
    "scarborough", "keighley", "dewsbury", "grantham", "tyne and wear", "greater manchester",
    "west midlands", "somerset", "dorset", "hampshire", "berkshire", "buckinghamshire", "hertfordshire",
    "bedfordshire", "cambridgeshire", "norfolk", "suffolk", "lincolnshire", "nottinghamshire",
    "derbyshire", "leicestershire", "staffordshire", "warwickshire", "worcestershire", "oxfordshire",
    "wiltshire", "northamptonshire", "isle of wight",
)
# Places in the UK outside England: Wales, Scotland, Northern Ireland
UK_OUTSIDE_ENGLAND: tuple[str, ...] = (
    "wales", "welsh", "cardiff", "swansea", "wrexham", "bangor", "aberystwyth", "scotland",
    "scottish", "edinburgh", "glasgow", "aberdeen", "dundee", "inverness", "stirling",
    "northern ireland", "belfast", "derry", "londonderry", "lisburn", "newry", "armagh", "omagh",
    "enniskillen", "coleraine", "ballymena", "craigavon", "portadown", "carrickfergus", "newtownabbey",
    "bridgend", "merthyr tydfil", "port talbot", "llanelli", "pontypridd", "caerphilly", "carmarthen",
    "llandudno", "rhyl", "paisley", "livingston", "falkirk", "kilmarnock", "dunfermline", "kirkcaldy",
    "motherwell", "east kilbride", "dumfries", "gretna", "lockerbie", "annan", "hawick", "galashiels",
    "kelso", "stranraer", "ayr", "monmouth", "chepstow", "abergavenny", "welshpool", "llangollen",
    "north wales", "south wales", "mid wales", "west wales", "deeside", "newtown",
    "brecon", "hay-on-wye", "knighton", "presteigne",
    # Scotland's regions and islands, said as where they live ("I live in the Highlands")
    "highlands", "scottish highlands", "the highlands", "hebrides", "outer hebrides", "orkney", "shetland",
    "isle of skye", "fort william", "oban",
)
OUTSIDE_ENGLAND: tuple[str, ...] = (
    *UK_OUTSIDE_ENGLAND,
    "ireland", "dublin", "isle of man",
    "jersey", "guernsey", "abroad", "overseas", "spain", "france", "germany", "india", "the eu",
    "europe",
    # other countries, and cities abroad people work remotely from
    "portugal", "italy", "greece", "poland", "romania", "netherlands", "holland", "belgium",
    "sweden", "norway", "denmark", "finland", "switzerland", "austria", "bulgaria", "croatia",
    "cyprus", "malta", "czechia", "czech republic", "hungary", "lithuania", "latvia", "estonia",
    "the usa", "usa", "united states", "america", "canada", "australia", "new zealand",
    "pakistan", "bangladesh", "nigeria", "south africa", "dubai", "the uae", "uae", "singapore",
    "hong kong", "china", "japan", "thailand", "lisbon", "porto", "madrid", "barcelona", "paris",
    "berlin", "munich", "amsterdam", "brussels", "rome", "milan", "athens", "warsaw", "krakow",
    "bucharest", "vienna", "prague", "budapest", "stockholm", "copenhagen", "oslo",
    "helsinki", "zurich", "geneva", "new york", "toronto", "sydney", "melbourne", "mumbai", "delhi",
    "lagos",
)
# The people of a city, by the name they go by, and the place ("I'm a Londoner": living in London)
DEMONYMS: dict[str, str] = {
    "londoner": "london", "mancunian": "manchester", "scouser": "liverpool", "liverpudlian": "liverpool",
    "brummie": "birmingham", "geordie": "newcastle", "bristolian": "bristol", "glaswegian": "glasgow",
    "yorkshireman": "yorkshire", "yorkshirewoman": "yorkshire", "cornishman": "cornwall",
    "cornishwoman": "cornwall",
}
# Places by their nicknames: "Brum"
NICKNAMES: dict[str, str] = {"brum": "birmingham", "bham": "birmingham", "the toon": "newcastle",
                             "the big smoke": "london"}
PLACE_NICKNAME = re.compile(r"\b(" + "|".join(NICKNAMES) + r")\b")


def nicknames_as_names(text: str) -> str:
    """ "brum" as "birmingham": places by their names."""
    return PLACE_NICKNAME.sub(lambda match: NICKNAMES[match.group(1)], text)

# Names of places both in England and outside it ("Newport" is in Wales, and on the Isle of Wight
# and in Shropshire): where someone works there is asked again, never guessed.
AMBIGUOUS: tuple[str, ...] = ("newport",)

# --- where years of residence count (the residence question) ---------------------------------------
# Places outside the UK whose years count for some group: the Crown Dependencies and the British
# Overseas Territories (as the UK, for UK citizens), Ireland (for Irish and EU/EEA citizens) and the
# EEA and Switzerland (for EU/EEA citizens). The parser doesn't know the group.
CROWN_DEPENDENCIES: tuple[str, ...] = (
    "jersey", "guernsey", "isle of man", "alderney", "sark", "st helier", "st peter port",
)
OVERSEAS_TERRITORIES: tuple[str, ...] = (
    "gibraltar", "falklands", "falkland islands", "bermuda", "cayman islands", "the caymans",
    "montserrat", "anguilla", "st helena", "saint helena", "british virgin islands", "turks and caicos",
)
# The countries are the nationality groups' (nationalities.py); the towns and cities are added here.
IRELAND: tuple[str, ...] = (
    *GROUPS["irish"][0], "dublin", "cork", "galway", "limerick", "waterford",
    "kilkenny", "sligo", "dundalk", "drogheda", "wexford", "athlone", "killarney",
)
EEA: tuple[str, ...] = (
    *GROUPS["eu_eea"][0], "the eu", "europe",
    "lisbon", "porto", "madrid", "barcelona", "valencia", "seville", "malaga", "paris", "lyon",
    "marseille", "berlin", "munich", "hamburg", "frankfurt", "cologne", "amsterdam", "rotterdam",
    "brussels", "antwerp", "rome", "milan", "naples", "turin", "florence", "athens", "warsaw", "krakow",
    "wroclaw", "gdansk", "bucharest", "sofia", "vienna", "prague", "budapest", "stockholm",
    "gothenburg", "copenhagen", "oslo", "helsinki", "zurich", "geneva", "vilnius", "riga", "tallinn",
    "ljubljana", "zagreb", "bratislava", "valletta", "reykjavik",
)
# Places beyond the UK whose years count towards the residence rule, by nationality group, as the
# residence question's prompt for each group names them (texts.yml); others count the UK's alone
COUNTED_BEYOND_UK: dict[str, tuple[str, ...]] = {
    "uk": OVERSEAS_TERRITORIES,  # (the Crown Dependencies are among the UK's own names)
    "irish": (*OVERSEAS_TERRITORIES, *IRELAND),
    "eu_eea": (*OVERSEAS_TERRITORIES, *IRELAND, *EEA),
}


NORTHERN_IRELAND = re.compile(r"\bnorthern ireland\b")


def northern_ireland_left_out(text: str) -> str:
    """The text without "Northern Ireland", which is the UK: its "ireland" is no time in Ireland."""
    return NORTHERN_IRELAND.sub(" ", text)


def counted_beyond_uk(group: object) -> tuple[str, ...]:
    """The places beyond the UK whose years count for the nationality `group`."""
    return COUNTED_BEYOND_UK.get(str(group), ())


def not_counted_nearby(group: object) -> tuple[str, ...]:
    """Ireland's and the EEA's places whose years don't count for the nationality `group` (the far
    away places count for none)."""
    counted = set(counted_beyond_uk(group))
    return tuple(place for place in (*IRELAND, *EEA) if place not in counted)


# Countries, and big cities, where no group's years count: all but the UK, its Crown Dependencies and
# Overseas Territories, Ireland and the EEA. Names that are also people's or places' in the UK are
# left out ("Jordan", "Chad", "Georgia", "Perth", "Boston", "Hamilton", "Wellington", "Kingston").
FAR_COUNTRIES: tuple[str, ...] = (
    # Europe outside the EEA
    "ukraine", "russia", "belarus", "turkey", "turkiye", "serbia", "albania", "bosnia", "kosovo",
    "north macedonia", "macedonia", "montenegro", "moldova", "armenia", "azerbaijan",
    # the Americas
    "usa", "the usa", "the us", "the u.s.", "the states", "united states", "america", "canada", "mexico",
    "brazil", "argentina", "colombia", "venezuela", "chile", "peru", "ecuador", "bolivia", "cuba",
    "jamaica", "trinidad", "trinidad and tobago", "barbados", "guyana", "the caribbean",
    # Asia and the Middle East
    "india", "pakistan", "bangladesh", "sri lanka", "nepal", "china", "hong kong", "taiwan", "japan",
    "south korea", "korea", "vietnam", "thailand", "malaysia", "indonesia", "singapore", "philippines",
    "myanmar", "cambodia", "mongolia", "kazakhstan", "uzbekistan", "afghanistan", "iran", "iraq",
    "syria", "lebanon", "israel", "palestine", "saudi arabia", "saudi", "yemen", "kuwait", "qatar",
    "oman", "bahrain", "united arab emirates", "the uae", "uae", "the emirates", "the middle east",
    # Africa
    "nigeria", "ghana", "kenya", "south africa", "zimbabwe", "uganda", "somalia", "somaliland",
    "ethiopia", "eritrea", "sudan", "egypt", "morocco", "algeria", "tunisia", "libya", "cameroon",
    "senegal", "ivory coast", "sierra leone", "gambia", "the gambia", "liberia", "rwanda", "tanzania",
    "malawi", "zambia", "botswana", "namibia", "mozambique", "angola", "congo", "burundi", "mauritius",
    "africa",
    # Oceania
    "australia", "new zealand", "fiji", "asia",
)
FAR_CITIES: tuple[str, ...] = (
    "new york", "los angeles", "chicago", "san francisco", "miami", "houston", "toronto", "vancouver",
    "montreal", "mexico city", "sao paulo", "rio de janeiro", "buenos aires", "bogota", "lima",
    "sydney", "melbourne", "brisbane", "adelaide", "auckland", "mumbai", "bombay", "delhi", "new delhi",
    "bangalore", "bengaluru", "chennai", "hyderabad", "kolkata", "karachi", "lahore", "islamabad",
    "dhaka", "colombo", "kathmandu", "beijing", "shanghai", "shenzhen", "guangzhou", "tokyo", "seoul",
    "kuala lumpur", "bangkok", "manila", "jakarta", "hanoi", "ho chi minh city", "taipei", "dubai",
    "abu dhabi", "doha", "riyadh", "jeddah", "tehran", "baghdad", "kabul", "istanbul", "ankara",
    "moscow", "kyiv", "kiev", "lagos", "abuja", "accra", "nairobi", "johannesburg", "cape town", "cairo",
    "casablanca", "harare", "kampala", "addis ababa", "mogadishu", "khartoum",
)
FAR_AWAY: tuple[str, ...] = (*FAR_COUNTRIES, *FAR_CITIES)
