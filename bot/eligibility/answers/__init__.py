"""The readers of the eligibility check's typed answers, one per question, a module per concept: the
role (role.py), age (age.py), nationality (nationality.py), settled status and other permission
(status.py), student loans and other funded programmes (funding.py), qualifications
(qualifications.py), work (work.py) and years of residence (residence.py), over the text helpers
they share (text.py). `parse_answer` in bot/eligibility/parsing.py sends an answer to its reader.
"""
