"""The TechTrack eligibility rules as plain Python (no Rasa): questions, routing, outcome.

Shaped like GOV.UK smart answers: the questions are data (questions.py), the policy is small pure
predicates per criterion (criteria.py), routing asks only what matters (routing.py), and the
outcome's verdict, reasons and next steps are data (outcome.py).
"""
