"""Weights of the mined cards' confidence (`confidence.py`). GENERATED, do not edit:
run `python bench/fit_confidence.py` to refit.

A logistic regression (L2 penalty 3, not on the intercept; repository balance 0.5, the script's
defaults: at the refits of sessions 27 and 34 L2 1, 3, 10 and balance 0, 0.5, 1 were compared by
leaving one repository out, and L2 1 and 3 at balance 0.5 sorted each left-out repository's
cards best, tied) fitted on 6737 mined cards of 174 repositories, each labelled good or junk by
the blind labels and the scorer's matching. Cards per labels file: corpus 1193, session32-A 456,
session32-AE 98, session32-DV 109, session32-DW 83, session33-B 812, session33-BE 139,
session34-C 845, session34-CE 134, session35-E 739, session35-EE 244, wide 1885 (corpus: sets
A-H only; held-out sets and notes are never read).

Written by:
    python bench/fit_confidence.py --labels bench/labels/session32-A.json heldout17/notes
        --labels bench/labels/session32-AE.json shared/corpus --labels
        bench/labels/session33-B.json heldout33/notes --labels
        bench/labels/session33-BE.json shared/corpus --labels bench/labels/session34-C.json
        heldout34/notes --labels bench/labels/session34-CE.json shared/corpus --labels
        bench/labels/session32-DV.json dv32/notes --labels bench/labels/session32-DW.json
        dv32/notes --labels bench/labels/session35-E.json heldout35/notes --labels
        bench/labels/session35-EE.json shared/corpus --verdicts s35/judge/verdicts-A.jsonl
        s35/judge/verdicts-B.jsonl s35/judge/verdicts-C.jsonl s35/judge/verdicts-D.jsonl
        s32/judge/verdicts-A.jsonl s32/judge/verdicts-B.jsonl s32/judge/verdicts-C.jsonl
        s33/judge/verdicts-A.jsonl s33/judge/verdicts-B.jsonl s33/judge/verdicts-C.jsonl
        s34/judge/verdicts-A.jsonl s34/judge/verdicts-B.jsonl s34/judge/verdicts-C.jsonl
"""

INTERCEPT = 1.9116
WEIGHTS: dict[str, float] = {
    "back<=10": -0.2990,
    "back<=200": 0.2587,
    "back<=3": 0.0389,
    "back<=30": -0.1005,
    "back<=80": 0.2054,
    "back>200": -0.1035,
    "back_asks": -0.5517,
    "back_bold_lead": 0.0627,
    "back_code": -0.4260,
    "back_display_math": -0.1367,
    "back_lines": -0.2353,
    "back_links": 0.0503,
    "back_list": 0.2403,
    "back_markup": -0.6770,
    "back_math": -0.1624,
    "back_open": -0.5145,
    "back_sentence": -0.0152,
    "cjk": 0.2613,
    "front<=1": 0.3583,
    "front<=16": -0.0786,
    "front<=3": -0.0073,
    "front<=8": -0.2247,
    "front>16": -0.0477,
    "front_aside": 0.5079,
    "front_asks": 0.3229,
    "front_caps": 0.5281,
    "front_counted": 0.1889,
    "front_deep_path": 0.3866,
    "front_digit": -0.2353,
    "front_distinctive": 0.1673,
    "front_in_back": 0.8278,
    "front_joined": 0.0931,
    "front_label": 0.3662,
    "front_math": 0.0708,
    "front_path": 0.0655,
    "front_symbol": -0.6509,
    "front_twice": -0.6217,
    "note_cards<=2": -0.0878,
    "note_cards<=25": 0.1340,
    "note_cards<=8": 0.3516,
    "note_cards>25": -0.3978,
    "note_dense": 0.2845,
    "note_explicit": 0.1464,
    "note_full": 1.7325,
    "note_low": -0.6654,
    "note_mid": -0.2135,
    "note_sparse": -1.1381,
    "rule=admonition": 0.3466,
    "rule=arrow": -0.6763,
    "rule=asked": 0.1669,
    "rule=brief": -0.3954,
    "rule=callout": 0.1217,
    "rule=definition": -0.4171,
    "rule=deflist": 0.4086,
    "rule=formula": -0.4057,
    "rule=heading": -0.5326,
    "rule=label": 0.3850,
    "rule=nested": 0.1365,
    "rule=question": 0.1174,
    "rule=sentence": 0.2789,
    "rule=subject": 0.5637,
    "rule=table": -0.5659,
    "rule=termlist": -0.4813,
    "rule=verdict": 0.6481,
    "rule_few": 0.1383,
    "rule_main": 0.4236,
    "rule_many": 0.1329,
    "rule_minor": -0.3518,
    "rule_once": -0.2712,
    "section_few": -0.0524,
    "section_many": 0.1719,
    "section_one": -0.0539,
}
