"""Weights of the mined cards' confidence (`confidence.py`). GENERATED, do not edit:
run `python bench/fit_confidence.py` to refit.

A logistic regression (L2 penalty 3, not on the intercept; repository balance 0.5, the script's
defaults: at the refits of sessions 27 and 34 L2 1, 3, 10 and balance 0, 0.5, 1 were compared by
leaving one repository out, and L2 1 and 3 at balance 0.5 sorted each left-out repository's
cards best, tied) fitted on 5713 mined cards of 143 repositories, each labelled good or junk by
the blind labels and the scorer's matching. Cards per labels file: corpus 1158, session32-A 456,
session32-AE 98, session32-DV 109, session32-DW 83, session33-B 810, session33-BE 139,
session34-C 842, session34-CE 134, wide 1884 (corpus: sets A-H only; held-out sets and notes are
never read).

Written by:
    python bench/fit_confidence.py --labels bench/labels/session32-A.json heldout17/notes
        --labels bench/labels/session32-AE.json shared/corpus --labels
        bench/labels/session33-B.json heldout33/notes --labels
        bench/labels/session33-BE.json shared/corpus --labels bench/labels/session34-C.json
        heldout34/notes --labels bench/labels/session34-CE.json shared/corpus --labels
        bench/labels/session32-DV.json dv32/notes --labels bench/labels/session32-DW.json
        dv32/notes --verdicts s32/judge/verdicts-A.jsonl s32/judge/verdicts-B.jsonl
        s32/judge/verdicts-C.jsonl s33/judge/verdicts-A.jsonl s33/judge/verdicts-B.jsonl
        s33/judge/verdicts-C.jsonl s34/judge/verdicts-A.jsonl s34/judge/verdicts-B.jsonl
        s34/judge/verdicts-C.jsonl
"""

INTERCEPT = 1.8511
WEIGHTS: dict[str, float] = {
    "back<=10": -0.1724,
    "back<=200": 0.0991,
    "back<=3": 0.2679,
    "back<=30": -0.0065,
    "back<=80": 0.3273,
    "back>200": -0.5153,
    "back_asks": -0.4535,
    "back_bold_lead": -0.0920,
    "back_code": -0.3733,
    "back_display_math": -0.1818,
    "back_lines": -0.0073,
    "back_links": 0.3950,
    "back_list": 0.1314,
    "back_markup": -0.4285,
    "back_math": -0.3178,
    "back_open": -0.5065,
    "back_sentence": -0.1110,
    "cjk": 0.3871,
    "front<=1": 0.3416,
    "front<=16": 0.0270,
    "front<=3": 0.0019,
    "front<=8": -0.2338,
    "front>16": -0.1367,
    "front_aside": 0.4251,
    "front_asks": 0.3729,
    "front_caps": 0.7475,
    "front_counted": 0.1590,
    "front_deep_path": 0.6646,
    "front_digit": -0.2594,
    "front_distinctive": 0.2565,
    "front_in_back": 0.8357,
    "front_joined": 0.2215,
    "front_math": -0.0327,
    "front_path": 0.2004,
    "front_symbol": -0.7652,
    "front_twice": -0.7911,
    "note_cards<=2": 0.3440,
    "note_cards<=25": -0.0893,
    "note_cards<=8": 0.3742,
    "note_cards>25": -0.6289,
    "note_dense": 0.1744,
    "note_explicit": -0.1678,
    "note_full": 1.4758,
    "note_low": -0.4792,
    "note_mid": -0.0998,
    "note_sparse": -1.0712,
    "rule=admonition": 0.3535,
    "rule=arrow": -0.6896,
    "rule=asked": -0.2333,
    "rule=brief": -0.4170,
    "rule=callout": 0.1327,
    "rule=definition": -0.4546,
    "rule=deflist": 0.3615,
    "rule=formula": -0.5130,
    "rule=heading": -0.4159,
    "rule=label": 0.4206,
    "rule=nested": 0.0407,
    "rule=question": -0.0686,
    "rule=sentence": 0.1728,
    "rule=subject": 0.4628,
    "rule=table": -0.0677,
    "rule=termlist": -0.0432,
    "rule=verdict": 0.6913,
    "rule_few": 0.0544,
    "rule_main": 0.4230,
    "rule_many": 0.2058,
    "rule_minor": -0.3017,
    "rule_once": -0.2602,
    "section_few": -0.0426,
    "section_many": 0.5212,
    "section_one": -0.2782,
}
