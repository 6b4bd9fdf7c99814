"""Weights of the mined cards' confidence (`confidence.py`). GENERATED, do not edit:
run `python bench/fit_confidence.py` to refit.

A logistic regression (L2 penalty 3, not on the intercept; repository balance 0.5, the script's
defaults: at the refits of sessions 27 and 34 L2 1, 3, 10 and balance 0, 0.5, 1 were compared by
leaving one repository out, and L2 1 and 3 at balance 0.5 sorted each left-out repository's
cards best, tied) fitted on 8485 mined cards of 235 repositories, each labelled good or junk by
the blind labels and the scorer's matching. Cards per labels file: corpus 1190, session32-A 462,
session32-AE 97, session32-DV 109, session32-DW 81, session33-B 848, session33-BE 139,
session34-C 867, session34-CE 133, session35-E 745, session35-EE 250, session36-F 790,
session36-FE 154, session37-G 544, session37-GE 187, wide 1889 (corpus: sets A-H only; held-out
sets and notes are never read).

Written by:
    python bench/fit_confidence.py --labels bench/labels/session32-A.json heldout17/notes
        --labels bench/labels/session32-AE.json shared/corpus --labels
        bench/labels/session33-B.json heldout33/notes --labels
        bench/labels/session33-BE.json shared/corpus --labels bench/labels/session34-C.json
        heldout34/notes --labels bench/labels/session34-CE.json shared/corpus --labels
        bench/labels/session32-DV.json dv32/notes --labels bench/labels/session32-DW.json
        dv32/notes --labels bench/labels/session35-E.json heldout35/notes --labels
        bench/labels/session35-EE.json shared/corpus --labels bench/labels/session36-F.json
        heldout36/notes --labels bench/labels/session36-FE.json shared/corpus --labels
        bench/labels/session37-G.json heldout37/notes --labels
        bench/labels/session37-GE.json shared/corpus --verdicts s37/judge/verdicts-A.jsonl
        s37/judge/verdicts-B.jsonl s36/judge/verdicts-A.jsonl s36/judge/verdicts-B.jsonl
        s35/judge/verdicts-A.jsonl s35/judge/verdicts-B.jsonl s35/judge/verdicts-C.jsonl
        s35/judge/verdicts-D.jsonl s32/judge/verdicts-A.jsonl s32/judge/verdicts-B.jsonl
        s32/judge/verdicts-C.jsonl s33/judge/verdicts-A.jsonl s33/judge/verdicts-B.jsonl
        s33/judge/verdicts-C.jsonl s34/judge/verdicts-A.jsonl s34/judge/verdicts-B.jsonl
        s34/judge/verdicts-C.jsonl
"""

INTERCEPT = 1.8912
WEIGHTS: dict[str, float] = {
    "back<=10": -0.3303,
    "back<=200": 0.1164,
    "back<=3": 0.0288,
    "back<=30": -0.0443,
    "back<=80": 0.1907,
    "back>200": 0.0388,
    "back_asks": -0.6745,
    "back_bold_lead": 0.1828,
    "back_code": -0.4597,
    "back_display_math": -0.3500,
    "back_lines": -0.2580,
    "back_links": -0.1465,
    "back_list": 0.4231,
    "back_markup": -0.8842,
    "back_math": -0.2453,
    "back_open": -0.3324,
    "back_sentence": 0.0980,
    "cjk": 0.1586,
    "front<=1": 0.2614,
    "front<=16": -0.2358,
    "front<=3": -0.0719,
    "front<=8": -0.3081,
    "front>16": 0.3544,
    "front_aside": 0.5240,
    "front_asks": 0.4876,
    "front_caps": 0.1122,
    "front_counted": 0.1883,
    "front_deep_path": 0.3123,
    "front_digit": -0.1078,
    "front_distinctive": 0.1790,
    "front_in_back": 0.8347,
    "front_joined": 0.2931,
    "front_label": -0.2601,
    "front_math": 0.4606,
    "front_path": -0.0508,
    "front_symbol": -0.2401,
    "front_twice": -0.6525,
    "note_cards<=2": -0.1063,
    "note_cards<=25": 0.1748,
    "note_cards<=8": 0.3809,
    "note_cards>25": -0.4494,
    "note_dense": 0.3240,
    "note_explicit": -0.0899,
    "note_full": 1.6309,
    "note_low": -0.6043,
    "note_mid": -0.3040,
    "note_sparse": -1.0466,
    "rule=admonition": 0.2640,
    "rule=arrow": -0.4416,
    "rule=asked": 0.1300,
    "rule=brief": -0.4367,
    "rule=callout": -0.1072,
    "rule=definition": -0.3623,
    "rule=deflist": 0.3897,
    "rule=formula": -0.6609,
    "rule=heading": -0.6009,
    "rule=label": 0.3391,
    "rule=nested": 0.0516,
    "rule=question": -0.2060,
    "rule=sentence": 0.4094,
    "rule=subject": 0.6834,
    "rule=table": -0.2141,
    "rule=termlist": -0.3083,
    "rule=verdict": 0.6414,
    "rule_few": 0.0546,
    "rule_main": 0.5804,
    "rule_many": 0.2083,
    "rule_minor": -0.5019,
    "rule_once": -0.2628,
    "section_few": 0.0740,
    "section_many": -0.1415,
    "section_one": 0.0168,
}
