"""Places in and outside England, for "where will you work?" answers."""

from __future__ import annotations

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
)
OUTSIDE_ENGLAND: tuple[str, ...] = (
    "wales", "welsh", "cardiff", "swansea", "wrexham", "bangor", "aberystwyth", "scotland",
    "scottish", "edinburgh", "glasgow", "aberdeen", "dundee", "inverness", "stirling",
    "northern ireland", "belfast", "derry", "londonderry", "lisburn", "newry", "armagh", "omagh",
    "enniskillen", "coleraine", "ballymena", "craigavon", "portadown", "carrickfergus", "newtownabbey",
    "bridgend", "merthyr tydfil", "port talbot", "llanelli", "pontypridd", "caerphilly", "carmarthen",
    "llandudno", "rhyl", "paisley", "livingston", "falkirk", "kilmarnock", "dunfermline", "kirkcaldy",
    "motherwell", "east kilbride", "dumfries", "gretna", "lockerbie", "annan", "hawick", "galashiels",
    "kelso", "stranraer", "ayr", "monmouth", "chepstow", "abergavenny", "welshpool", "llangollen",
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
# Names of places both in England and outside it ("Newport" is in Wales, and on the Isle of Wight
# and in Shropshire): where someone works there is asked again, never guessed.
AMBIGUOUS: tuple[str, ...] = ("newport",)
