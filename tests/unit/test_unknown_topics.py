"""Topics the published FAQ doesn't cover: an honest "the FAQ doesn't say", not the nearest answer."""

from __future__ import annotations

import pytest

from bot.nlu.unknown_topics import unknown_topic


@pytest.mark.parametrize(("text", "topic"), [
    # an exploratory tester's (paraphrased): another employer's job, or another career, in TechTrack's words
    ("how much does a devops engineer earn at amazon", "apprenticeships outside TechTrack"),
    ("can you work from home at sainsbury's", "apprenticeships outside TechTrack"),
    ("what do I need to become a nurse", "apprenticeships outside TechTrack"),
    ("how are driving lessons assessed", "apprenticeships outside TechTrack"),
    ("how do i apply for student finance", "apprenticeships outside TechTrack"),
    ("what is 7*8", "apprenticeships outside TechTrack"),
    ("how much will it cost", "fees or costs for the training"),
    ("is the course free", "fees or costs for the training"),
    ("could I negotiate my salary up", "negotiating the salary"),
    # an exploratory tester's questions, each given the nearest entry's answer or declined as off-topic
    ("how much annual leave do TechTrack apprentices get?", "annual leave or holidays"),
    ("Does TechTrack sponsor visas for apprentices?", "visa sponsorship"),
    ("are there any course fees", "fees or costs for the training"),
    ("my mate said u have to pay for the training urself is that true", "fees or costs for the training"),
    ("do I need my own laptop", "equipment such as a laptop"),
    ("which laptop will we be given", "equipment such as a laptop"),  # an exploratory tester's, paraphrased
    ("is there a dress code for apprentices", "a dress code"),  # an exploratory tester's, paraphrased
    ("what if my line manager won't agree to it?", "whether your department has to agree to release you"),
    ("is there london weighting", "London weighting"),
    ("My daughter is dyslexic. Are there reasonable adjustments for the aptitude tests?",
     "reasonable adjustments"),
    ("whats the coding challenge like, what language is it in",
     "the programming languages used in the coding challenge or the training"),
    ("how competitive is it, whats the acceptance rate", "how competitive it is"),
    ("can i apply for more than one role at the same time", "applying for more than one role"),
    # a second exploratory tester's, each given the nearest entry's answer
    ("what happens if I fail", "what happens if you fail the apprenticeship or its assessment"),
    ("and if he fails the EPA?", "what happens if you fail the apprenticeship or its assessment"),
    ("number of apprenticeship places available", "how many places there are"),
    ("how many places are there this year", "how many places there are"),
    ("what hours would i work", "working hours"),
    ("what if I get rejected, can I reapply next year?", "applying again after an unsuccessful application"),
    ("is it recognised outside the civil service",
     "how the qualification is recognised outside the Civil Service"),
    ("how long does the asylum decision take usually", "how long asylum decisions take"),
    ("can you recommend any other apprenticeships, like in the NHS?", "apprenticeships outside TechTrack"),
    ("what's the pension like", "pensions"),
    ("is there an application fee", "fees or costs for the training"),
    ("write me a cover letter for techtrack", "help writing your application"),
    # a third exploratory tester's, given the locations answer or FAQ buttons
    ("any firefighter or police apprenticeships?", "apprenticeships outside TechTrack"),
    ("are there apprenticeships with the nhs", "apprenticeships outside TechTrack"),
    ("do they do army apprenticeships", "apprenticeships outside TechTrack"),
    # a fourth's: another employer's, a TechTrack role named or not
    ("Does the Royal Navy run cyber apprenticeships?", "apprenticeships outside TechTrack"),
    ("does BT offer apprenticeships in software", "apprenticeships outside TechTrack"),
    ("is the NHS digital apprenticeship any good compared to techtrack", "apprenticeships outside TechTrack"),
    ("is the salary london weighted", "London weighting"),
    ("how much will the training cost me", "fees or costs for the training"),
    ("will i have to pay anything", "fees or costs for the training"),
    ("what languages will they teach us",
     "the programming languages used in the coding challenge or the training"),
    # a fifth tester's: the hours as a span, a pass rate, two roles at once, a named employer's salary
    ("are the hours 9-5", "working hours"),
    ("what's the pass rate on the coding challenge", "how competitive it is"),
    ("could I apply for both devops and software at once", "applying for more than one role"),
    ("how much is Barclays's apprenticeship salary", "apprenticeships outside TechTrack"),
    ("do apprentices have a probation period", "a probation period"),
    # a sixth tester's, each given the providers' or the training's answer, or declined as off-topic
    ("what does a cyber security technologist actually do", "what each role involves day to day"),
    ("which role would be best for me, i love puzzles", "what each role involves day to day"),
    ("what is devops?", "what each role involves day to day"),
    ("what does a BA do day to day", "what each role involves day to day"),
    ("what will be on the coding challenge", "what the coding challenge involves"),
    ("is makers any good? better than bpp?", "how the training providers compare"),
    ("is it possible to do techtrack part time", "doing the apprenticeship part-time"),
    ("can I do it part time, what hours would that be", "doing the apprenticeship part-time"),
    ("when will the next cohort begin?", "when the apprenticeship starts"),
])
def test_a_question_the_faq_does_not_cover_is_recognised(text: str, topic: str) -> None:
    assert unknown_topic(text) == topic


@pytest.mark.parametrize("text", [
    "do I keep my annual leave if I join as an internal candidate",  # a civil servant's terms: answered
    "I'm on the Ukraine sponsorship scheme",  # a status
    "my tuition fee loan is still active, can I apply",  # the loan rule
    "I already have a computer science degree, can I apply",
    "can I do two apprenticeships at once",  # the other-programme rule
    "I'm dyslexic and get anxious about timed tests. How does the selection process work?",
    "what's the salary",
    "I failed my maths GCSE, can I still do cyber?",  # the entry requirements
    "how many hours a week of study is it",  # the study time, which the FAQ gives
    "what is the devops training like day to day",  # the training's week, which the FAQ gives
    "what's the difference between the cyber and BA roles",  # the roles' providers and levels
    "I work part-time in a shop, does that count as a relevant job",
    "when do applications open for the next cohort",  # the application's dates: the admissions team's
    "how long is the business analyst apprenticeship",
    "who delivers the cyber security technologist training",
    "I live in Wales, could I work part time in an office in England",  # the share of time in England
    "I'm an asylum seeker, can I apply?",
    "I'm a civil servant, do I keep my pension?",  # a civil servant's terms: answered
    "will my pension stay the same if I move over from the civil service",
    "I'm 66 and retired on a small pension, am I too old to apply?",  # said of themselves: the age entry
    "does the civil service offer cyber apprenticeships",  # TechTrack's own
    "do they offer a devops apprenticeship",
    "does techtrack have a business analyst apprenticeship",
    # the development set's situations: their own apprenticeship, or "is desperate to do the ... one"
    "my son finished his level 2 plumbing apprenticeship, does it matter?",
    "i did a level 2 hairdressing apprenticeship years ago. does that stop me?",
    "A 15-year-old I know is desperate to do the Software Developer apprenticeship. How old must he be?",
    "I finished my BT apprenticeship last year, can I still apply?",  # their own
    "I work at Tesco, can I apply for devops?",  # their own job there
    "I'm a store manager at Tesco, is that a relevant job for the BA one?",
    "I've worked for Barclays for 3 years, can I apply?",
    "I want to become a teacher one day, can I do software development first?",
    "I work part-time in a shop, does that count as a relevant job for BA",
])
def test_questions_the_faq_answers_are_left_to_it(text: str) -> None:
    assert unknown_topic(text) is None


@pytest.mark.parametrize(("text", "topic"), [
    # an exploratory tester's (paraphrased): another service in TechTrack's words, or clearance
    ("how would I get a student loan for university", "apprenticeships outside TechTrack"),
    ("could you help me write my cv", "apprenticeships outside TechTrack"),
    ("can u help me with my homework", "apprenticeships outside TechTrack"),
    ("will I need SC clearance for the cyber apprenticeship", "security clearance or vetting"),
    # an exploratory tester's (paraphrased): a pass mark got the assessment answer, which departments
    # the department-preference answer, and the Fast Stream the offer of the check
    ("what mark do you need to pass the aptitude tests?", "pass marks for the application's tests"),
    ("what departments are involved in techtrack", "which departments take apprentices"),
    ("would the fast stream suit me better", "other Civil Service schemes such as the Fast Stream"),
    # another's: where the bootcamp is ("is the bootcamp in london?" got the offices), and who pays
    ("where is makers based", "where the training or bootcamp takes place"),
    ("will the bootcamp be in person", "where the training or bootcamp takes place"),
    ("does my department pay for the course?", "fees or costs for the training"),
    # another's: small talk got the training's structure, the market's pay the TechTrack salary
    ("hows your weekend been?", "apprenticeships outside TechTrack"),
    ("what's the average devops salary in manchester", "apprenticeships outside TechTrack"),
])
def test_more_that_the_faq_does_not_cover(text: str, topic: str) -> None:
    assert unknown_topic(text) == topic


@pytest.mark.parametrize("text", ["how are you assessed", "is the training in person?",
                                  "what's the average salary for TechTrack apprentices"])
def test_near_misses_of_small_talk_pay_and_place_are_left_to_the_faq(text: str) -> None:
    assert unknown_topic(text) is None


@pytest.mark.parametrize("text", ["can I pick which department I go to?", "which department would I be in"])
def test_choosing_a_department_is_left_to_the_faq(text: str) -> None:
    assert unknown_topic(text) is None
