"""bot/eligibility/facts.py: facts volunteered in one message fill the check's answers only when
they can mean one thing; anything doubtful is left for its question."""

from __future__ import annotations

from bot.eligibility.conversation import prefilled
from bot.eligibility.facts import asks_to_check, volunteered_facts


def test_a_country_named_as_a_place_fills_no_nationality() -> None:
    assert prefilled("I'm Italian and moved to the UK 5 years ago, am I eligible?")["nationality"] == "eu_eea"
    assert "nationality" not in prefilled("I'm in Newport, can I apply for software developer?")


def test_a_country_said_as_where_they_would_do_it_from_fills_no_nationality() -> None:
    # An exploratory tester's "I live in Cardiff. Can I do TechTrack from Wales?" was noted as British.
    assert "nationality" not in prefilled("can i work remotely from spain?", [("GPE", "Spain")])
    assert "nationality" not in prefilled("i live in swansea, can i apply from wales?", [("GPE", "Wales")])
    assert prefilled("i'm from wales and 24", [("GPE", "Wales")])["nationality"] == "uk"


def test_a_status_said_only_by_what_it_is_not_fills_nothing() -> None:
    assert "immigration_status" not in prefilled("I'm Kenyan and not on a study visa, can I apply?")


def test_british_said_beside_a_visa_is_someone_else_and_fills_no_nationality() -> None:
    facts = prefilled("I'm on a spouse visa, my wife is a British citizen, can I apply for devops?")
    assert facts.get("nationality") != "uk"


def test_two_nationality_groups_named_leave_the_nationality_to_its_question() -> None:
    assert "nationality" not in prefilled("I'm Irish but grew up in a British family, am I eligible?")


def test_years_said_beside_time_elsewhere_are_left_to_the_residence_question() -> None:
    facts = prefilled("I'm British, lived in Canada for 8 years and came back in spring, can I apply?")
    assert facts["nationality"] == "uk" and "residence_years" not in facts
    assert prefilled("I'm British and I've lived here all my life, can I apply?")["residence_years"] == \
        "all_my_life"


def test_a_nationality_only_spacy_found_counts_when_said_as_theirs() -> None:
    assert prefilled("I'm Nigerian, can I apply?", [("NORP", "Nigerian")])["nationality"] == "other"
    assert "nationality" not in prefilled("I'm a store manager at Fresco, is that relevant?",
                                          [("NORP", "Fresco")])


def test_can_i_do_it_starts_the_check_only_when_nothing_follows() -> None:
    from bot.eligibility.facts import asks_to_check

    # An exploratory tester's "can I do it part time?" started the check instead of answering.
    assert asks_to_check("can I do it?", {}) and asks_to_check("could I do this please", {})
    assert not asks_to_check("can I do it part time?", {})
    assert not asks_to_check("can i do it from home", {})


def test_asking_to_apply_for_one_role_starts_the_check() -> None:
    from bot.eligibility.facts import asks_to_check

    # An exploratory tester's requests got "Did you mean...?", and their answers then FAQ replies.
    for text in ("can i apply for cyber security technologist",
                 "bonjour, can i apply for the business analyst role?",
                 "yo can i do the software dev apprenticeship",
                 "I would like to know if I am eligible for the software developer apprenticeship"):
        assert asks_to_check(text, prefilled(text)), text
    for text in ("can i do the devops apprenticeship part time?", "can i do devops from wales",
                 "can i apply for devops if i have a degree?", "what does a business analyst do",
                 # an exploratory tester's two questions, taken for a request for the check
                 "Can I do it from Scotland and do I need A levels for cyber?"):
        assert not asks_to_check(text, prefilled(text)), text
    # exploratory testers' "I want to check for business analyst" and "check me for software developer"
    for text in ("could you check me for the devops one", "I'd like to check for cyber security please"):
        assert asks_to_check(text, prefilled(text)), text
    assert not asks_to_check("check for the loan rule", prefilled("check for the loan rule"))
    # and "hiya, checking eligibility for software developer...", "business analyst eligibility pls",
    # "is devops open to me?" (each got an FAQ answer)
    for text in ("hello, checking my eligibility for devops. I'm 33 and Irish", "cyber eligibility please",
                 "is the BA apprenticeship open to me?"):
        assert asks_to_check(text, prefilled(text)), text
    for text in ("checking the eligibility criteria for cyber",
                 "is it open to people outside the civil service"):
        assert not asks_to_check(text, prefilled(text)), text


def test_a_nationality_alone_is_no_resettlement_scheme() -> None:
    # An exploratory tester's "Afghan", typed as the nationality, was noted as the Afghan scheme.
    assert "immigration_status" not in prefilled("Afghan")
    assert "immigration_status" not in prefilled("I'm Ukrainian", [("NORP", "Ukrainian")])
    facts = prefilled("I'm Afghan, here on the afghan relocation scheme")
    assert facts["immigration_status"] == "exempt_leave"
    assert prefilled("I came on the homes for ukraine scheme")["immigration_status"] == "exempt_leave"


def test_saying_which_role_they_want_with_facts_about_themselves_starts_the_check() -> None:
    from bot.eligibility.facts import asks_to_check

    # An exploratory tester's introduction got "Sorry, I don't know the answer to that".
    text = ("Good afternoon. I'm 45, a project coordinator in the NHS, and I'd like to do the Business "
            "Analyst apprenticeship.")
    assert prefilled(text) == {"role": "business_analyst", "age": 45}
    assert asks_to_check(text, prefilled(text))
    for text in ("I'm 30 and I'd like to do the BA apprenticeship, how long is it?",  # a question
                 "I'm 30, I'd like to do the software developer apprenticeship but I live in Wales",
                 "i want to do devops"):  # nothing about themselves: the role is noted
        assert not asks_to_check(text, prefilled(text)), text


def test_a_status_asked_about_is_not_noted_as_held() -> None:
    # An exploratory tester's "I'm Swiss ..., do I need pre settled status?" was noted as holding
    # pre-settled status, which the check would then have passed unasked.
    assert prefilled("I'm Swiss and have lived in Leeds 5 years, do I need pre settled status?") == \
        {"nationality": "eu_eea"}
    assert prefilled("should I get settled status first? I'm Polish") == {"nationality": "eu_eea"}
    assert "immigration_status" not in prefilled("do i need to have refugee status?")
    # near misses: held, then a question
    assert prefilled("I'm Polish with pre settled status, can I apply?")["euss_status"] == "pre_settled"
    assert prefilled("I have refugee status, do I need anything else?")["immigration_status"] == "protection"


def test_a_status_said_alone_is_read_with_the_nationality_noted_before() -> None:
    # An exploratory tester's "swiss", then "settled", was noted as another visa and another
    # nationality; the check then applied the non-EU three-year rule to an EEA citizen.
    assert prefilled("settled", known={"nationality": "eu_eea", "age": 30}) == \
        {"nationality": "eu_eea", "age": 30, "euss_status": "settled"}
    assert prefilled("settled") == {}  # the EU scheme's status or indefinite leave: not noted
    assert prefilled("I have indefinite leave to remain")["immigration_status"] == "other_permission"


def test_an_age_said_alone_in_a_list_and_a_whole_life_here_are_noted() -> None:
    # Exploratory testers' "30, british, lived here all my life, devops" and "I'm Irish, 24, moved over
    # from Dublin" had the age asked again; "always lived in manchester" the years.
    assert volunteered_facts("am i eligible? 41, lived here all my life, cyber")["age"] == 41
    assert volunteered_facts("I'm Polish, 35, came over in 2019")["age"] == 35
    assert volunteered_facts("born and bred in Sheffield, devops")["residence_years"] == "all_my_life"
    assert volunteered_facts("always lived in the uk")["residence_years"] == "all_my_life"
    # near misses: counts in a list, two numbers, a whole life abroad
    assert "age" not in volunteered_facts("I have 5 GCSEs, 2 A levels and 10 years in retail")
    assert "age" not in volunteered_facts("scored 85, 90 and 70 in my exams")
    assert "residence_years" not in volunteered_facts("always lived in portugal until last year")


def test_more_ways_of_asking_for_the_check_start_it() -> None:
    # Exploratory testers' requests that got an FAQ answer and a button instead of the check.
    for text in ("I want to check eligibility", "can i check if im eligible",
                 "could you tell me if I'm eligible", "I want check eligibility for devops",
                 "I am eligible for cyber?", "can he do business analyst?"):
        assert asks_to_check(text, volunteered_facts(text)), text
    # near misses: the criteria asked for, a rule asked about, a situation given
    for text in ("what are the eligibility criteria?", "can you tell me if I need a degree?",
                 "can i apply with a student loan", "can she do it from wales?"):
        assert not asks_to_check(text, volunteered_facts(text)), text


def test_someone_elses_facts_and_places_said_as_places_are_not_noted() -> None:
    # An exploratory tester's "what about my brother, he is waiting for asylum decision..." replaced
    # their own refugee status; "England 3 days a week and Wales 2" and "scottish highers" noted British.
    assert volunteered_facts("and my sister? she's on a student visa") == {}
    assert volunteered_facts("what about my cousin, he has pre-settled status") == {}
    split = volunteered_facts("i'd split it, England 2 days and Wales 3", [("GPE", "Wales")])
    assert "nationality" not in split
    assert "nationality" not in volunteered_facts("would my welsh baccalaureate count?")
    # near misses: their own, said after someone else's; a country they are from
    own = volunteered_facts("my wife is british, I'm on a spouse visa")
    assert own["immigration_status"] == "other_permission"
    assert volunteered_facts("I'm originally from Scotland, 33")["nationality"] == "uk"


def test_an_age_corrected_in_the_same_message_is_the_one_noted() -> None:
    # An exploratory tester's "age 72, sorry I mean 27" in an opening message was noted as 72.
    assert volunteered_facts("british, here 6 years. age 63, sorry i meant 36.")["age"] == 36
    assert volunteered_facts("I'm 45 oops 54, irish")["age"] == 54
    # near miss: a "no" before another number is no correction of the age
    assert volunteered_facts("im 31, no 4 years in the uk yet, british")["age"] == 31


def test_a_whole_life_in_a_place_years_before_here_and_no_loan_or_course() -> None:
    # Exploratory testers' openings with "lived in Birmingham my whole life", "I have ILR, 5 years
    # here", "no loans" and "not on any course" were asked each of those again.
    assert volunteered_facts("lived in Leeds my whole life")["residence_years"] == "all_my_life"
    ilr = volunteered_facts("nigerian, I have ILR, 6 years here")
    assert ilr["residence_years"] == 6.0 and ilr["permission_lasts"] == "yes"
    told = volunteered_facts("irish, no student loans, not on any other course")
    assert told["student_loan"] == "no" and told["other_programme"] == "no"
    # near misses: a whole life elsewhere or with time away, years beside another place, a question
    assert "residence_years" not in volunteered_facts("lived in Madrid my whole life")
    assert "residence_years" not in volunteered_facts("lived in hull my whole life except 3 years in peru")
    assert "residence_years" not in volunteered_facts("4 years here, 3 in Poland before, polish")
    assert "student_loan" not in volunteered_facts("could i apply with no student loan? i'm british")


def test_years_in_a_uk_city_and_can_i_apply_with_the_checks_own_facts() -> None:
    # Exploratory testers' "im 27, irish, lived in belfast 10 years" was asked the years again, and
    # "can i apply? im 24, british, lived in leeds all my life" got FAQ buttons, not the check.
    assert volunteered_facts("i'm 31, irish, lived in derry 12 years")["residence_years"] == 12.0
    text = "can i apply? i'm 29, british, lived in hull all my life"
    assert asks_to_check(text, volunteered_facts(text))
    # near misses: years abroad, and a situation an FAQ entry answers
    assert "residence_years" not in volunteered_facts("lived in the US for ten years, back six months")
    for text in ("british, lived abroad, can i apply", "can i apply? i'm on a spouse visa"):
        assert not asks_to_check(text, volunteered_facts(text)), text


def test_can_i_join_with_an_age_starts_the_check() -> None:
    # An exploratory tester's "im 15… can i join techtrack?? i live in bristol" got one FAQ button.
    text = "im 17 could i join the apprenticeship?"
    assert asks_to_check(text, volunteered_facts(text))
    # near miss: how, not whether
    assert not asks_to_check("can i join it part time", {})


def test_a_dual_nationality_joined_by_a_hyphen_is_the_better_group() -> None:
    # An exploratory tester's "I'm a dual British-American citizen, just moved from the US 1 year ago"
    # was noted as another nationality, then told "not eligible" as a visa holder with 1 year here.
    facts = prefilled("i'm a dual British-Canadian citizen, back from Toronto last year")
    assert facts["nationality"] == "uk"
    assert prefilled("I'm British-Ghanaian, moved to the UK 2 years ago")["nationality"] == "uk"
    assert "nationality" not in prefilled("I'm Portuguese, came back to the UK in 2023, married to a Brit")


def test_an_eu_citizens_application_to_the_settlement_scheme_is_noted() -> None:
    # An exploratory tester's "i am swiss, 35 years old, living in london 5 years, I applied to the EU
    # settlement scheme and waiting" noted only the nationality and age.
    facts = prefilled("I'm Austrian, 29, been living in Leeds 4 years, applied to the EU settlement scheme, "
                      "still waiting")
    assert facts == {"age": 29, "nationality": "eu_eea", "residence_years": 4.0, "euss_status": "pending"}
    assert prefilled("what is the EU settlement scheme?") == {}


def test_an_age_said_first_or_after_a_full_stop_is_noted() -> None:
    # An exploratory tester's "26 swiss, ..." and "... cyber security technologist. 24, british, ..."
    # were both asked "How old are you?"
    assert volunteered_facts("31 polish, been in bristol since 2019")["age"] == 31
    assert volunteered_facts("hello, i want to do devops. 27, irish, always lived here")["age"] == 27
    assert "age" not in volunteered_facts("level 3. 24 hours a week")


def test_a_parent_checking_for_their_child_gives_the_childs_facts() -> None:
    # An exploratory tester's "checking for my daughter, shes 15, british, lived here all her life" had
    # every fact asked again ("How old are you?").
    assert prefilled("looking into this for my son, hes 16, british, lived here his whole life") == {
        "age": 16, "nationality": "uk", "residence_years": "all_my_life"}
    assert prefilled("my husband is british, he's 40, can i apply?") == {}


def test_a_partners_visa_held_with_them_is_the_partners() -> None:
    # An exploratory tester's "my wife is here on dependant visa with me since 2025, same for her i guess?"
    # after a verdict was noted as the person's own visa and years.
    assert prefilled("my husband is here on a dependant visa with me since 2024") == {}
    assert prefilled("my wife and I both have settled status, I'm Polish")["euss_status"] == "settled"


def test_a_case_supposed_is_no_fact_of_theirs() -> None:
    # An exploratory tester's "what if she was a refugee?" (of his wife) was noted as his own status.
    assert prefilled("what if my sister was a refugee?") == {}
    assert prefilled("suppose I had pre-settled status") == {}
    assert prefilled("I'm 31 and Irish, what if I moved to Wales?") == {"age": 31, "nationality": "irish"}


def test_british_citizenship_gained_is_the_nationality_now() -> None:
    # An exploratory tester's "...became a British citizen in march this year" stayed another nationality.
    said = "Ghanaian by birth but I became a British citizen last year, I'm 33"
    assert prefilled(said)["nationality"] == "uk"
    assert "nationality" not in prefilled("I'm Ghanaian and my wife is British")


def test_a_partners_visa_asked_about_is_no_fact_of_theirs() -> None:
    # An exploratory tester's "can my partner come with me on a dependant visa" was noted as their own visa.
    assert prefilled("could my wife come over with me on a dependant visa?") == {}


def test_a_friends_status_described_is_not_noted_as_theirs() -> None:
    # An exploratory tester's "what about my polish mate, he has pre-settled status..." after their own
    # Irish nationality was noted replaced it with the friend's nationality and status.
    assert volunteered_facts("and my lithuanian friend, she has pre-settled status and has been here 2 "
                             "years") == {}
    assert volunteered_facts("my best mate is on a skilled worker visa, I'm British") == {"nationality": "uk"}


def test_a_students_dependant_said_up_front_is_noted() -> None:
    # An exploratory tester's "I came here in 2022 as a dependant of my wife who's doing a PhD" was not
    # noted; then "dependant visa like i said" was kept as another visa: "eligible".
    facts = volunteered_facts("I'm Ghanaian, here since 2023 as a dependant of my husband who's doing a "
                              "masters")
    assert facts["immigration_status"] == "student_dependant"
    assert "immigration_status" not in volunteered_facts("I have two dependants, I'm British")


def test_eligible_and_eligibility_as_typed_ask_for_the_check() -> None:
    # Two exploratory testers' "i would like check eligibilty for devops. I am from Ukraine..." and "am i
    # elgible for sofware dev? got refugee status" got the exempt statuses answer, not the check.
    text = "hi, I'd like to check eligibilty for cyber, I'm from Syria with refugee status, 29"
    assert asks_to_check(text, volunteered_facts(text))
    text = "am i elgible for devops? I have humanitarian protection"
    assert asks_to_check(text, volunteered_facts(text))
    assert not asks_to_check("what are the eligibilty criteria", {})


def test_a_country_come_back_from_is_no_nationality() -> None:
    # An exploratory tester's "im 34 and british but i only moved back from spain last january after 6
    # yrs there" kept only the age (British and Spain read as two nationalities).
    facts = volunteered_facts("I'm 41 and British, only came back from Portugal in May after 5 years")
    assert facts.get("nationality") == "uk"


def test_a_parent_asking_whether_their_child_can_apply_starts_the_check_with_the_childs_facts() -> None:
    # An exploratory tester's "can my daughter apply for devops? she's 15, very into coding" got the
    # entry requirements ("no prior experience needed"), with nothing on the age; "can my son apply? hes
    # 17 and doing a levels" got the answer about what Level 4 means.
    text = "can my son apply for cyber? he's 16 and loves computers"
    facts = volunteered_facts(text)
    assert facts == {"role": "cyber_security_technologist", "age": 16} and asks_to_check(text, facts)
    text = "could my daughter apply? she is 18, doing A levels"
    assert volunteered_facts(text) == {"age": 18} and asks_to_check(text, volunteered_facts(text))
    assert not asks_to_check("can my daughter do it part time?", {})
    text = "am i elligable for devops"
    assert asks_to_check(text, volunteered_facts(text))


def test_a_parent_describing_their_child_starts_the_check_with_the_childs_facts() -> None:
    # Exploratory testers' "my son is 17 and wants to do the software developer one, he's british ... can he
    # apply?" got "Did you mean one of these?", and "my son is 18 ... is he eligible?" the returners' answer.
    text = "my son is 17, wants to do the devops one, he's british. can he apply?"
    facts = volunteered_facts(text)
    assert facts == {"role": "devops_engineer", "age": 17, "nationality": "uk"}
    assert asks_to_check(text, facts)
    text = "my daughter's 18 and irish, she'd like software dev, is she eligible?"
    facts = volunteered_facts(text)
    assert facts == {"role": "software_developer", "age": 18, "nationality": "irish"}
    assert asks_to_check(text, facts)
    # near miss: someone else's facts beside the person's own stay out
    assert volunteered_facts("my husband has settled status, im 30") == {"age": 30}


def test_a_course_said_to_end_soon_is_noted_for_the_check() -> None:
    # An exploratory tester said "im currently on a level 3 data apprenticeship tho, it finishes in 3 weeks"
    # before the check, was asked about other programmes again, answered "yes the level 3 one i mentioned"
    # and was told "not eligible".
    assert volunteered_facts("i'm on a level 3 business apprenticeship now, it ends in 2 weeks") == \
        {"other_programme": "ending_soon"}
    # near misses: a course done, and one whose end is far off, are not noted
    assert "other_programme" not in volunteered_facts("i did a level 2 digital apprenticeship, can i apply?")
    assert "other_programme" not in volunteered_facts("I am on a level 3 one which finishes next year")


def test_years_here_told_with_time_on_a_student_visa_are_asked_and_the_visa_held_now_kept() -> None:
    # Exploratory testers: "indian citizen, been in the uk 5 years - came on a student visa ..., switched to
    # skilled worker visa in 2024" kept 5 years ("eligible"); "with a spouse visa, ... the first 2 and a half
    # were on a tier 4 student visa" noted a student visa.
    facts = volunteered_facts("im 27, indian citizen, been in the uk 5 years - came on a student visa for my "
                              "bsc and msc, switched to skilled worker visa in 2024")
    assert "residence_years" not in facts and facts["immigration_status"] == "other_permission"
    facts = volunteered_facts("chinese national with a spouse visa, been living here 4 years but the first 2 "
                              "and a half were on a tier 4 student visa")
    assert facts["immigration_status"] == "other_permission"
    # near misses: a student visa held now; years here with no study told
    assert volunteered_facts("I'm on a student visa, 22, indian")["immigration_status"] == "study"
    assert volunteered_facts("indian citizen, skilled worker visa, 5 years here")["residence_years"] == 5.0


def test_born_here_and_never_left_is_all_their_life() -> None:
    # An exploratory tester's "ye british born here never left" before the check was asked the years again.
    assert volunteered_facts("im british, born here and never left")["residence_years"] == "all_my_life"
    # near miss: time away said too
    assert "residence_years" not in volunteered_facts("born here never left but spent 2 years in spain")


def test_a_roles_name_then_eligibility_asks_for_the_check() -> None:
    # An exploratory tester's "business analyst eligibility" only set the role; the answers typed next went
    # into an FAQ conversation.
    for text in ("business analyst eligibility", "devops eligibility?", "hi cyber eligibility pls"):
        assert asks_to_check(text, prefilled(text)), text
    # near misses: the criteria asked about
    for text in ("what is the devops eligibility?", "software dev eligibility criteria"):
        assert not asks_to_check(text, prefilled(text)), text


def test_years_here_and_in_the_eea_told_by_an_eu_citizen_are_added_up() -> None:
    # An exploratory tester's "polish with pre settled status, been in uk 18 months, lived in berlin for 4 yrs
    # before that" was asked the years again, answered "18 months", and told "not eligible".
    facts = volunteered_facts("im 25, polish with pre settled status, been in uk 18 months, lived in "
                              "berlin for 4 yrs before that")
    assert facts["residence_years"] == 5.5
    # near misses: time outside the EEA; someone for whom the EEA's years don't count
    assert "residence_years" not in volunteered_facts("im french, 1 year in london, before that 3 years in "
                                                      "new york")
    assert "residence_years" not in volunteered_facts("im indian, been in uk 1 year, lived in madrid for "
                                                      "2 yrs before that")
