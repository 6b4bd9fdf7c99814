"""Weights of the mined cards' confidence (`confidence.py`). GENERATED, do not edit:
run `python bench/fit_confidence.py` to refit.

A logistic regression (L2 penalty 3, not on the intercept; repository balance 0.5, the script's
defaults: at the refits of sessions 27 and 34 L2 1, 3, 10 and balance 0, 0.5, 1 were compared by
leaving one repository out, and L2 1 and 3 at balance 0.5 sorted each left-out repository's
cards best, tied) fitted on 7693 mined cards of 205 repositories, each labelled good or junk by
the blind labels and the scorer's matching. Cards per labels file: corpus 1189, session32-A 463,
session32-AE 97, session32-DV 109, session32-DW 81, session33-B 820, session33-BE 139,
session34-C 844, session34-CE 132, session35-E 739, session35-EE 243, session36-F 791,
session36-FE 157, wide 1889 (corpus: sets A-H only; held-out sets and notes are never read).

Written by:
    python bench/fit_confidence.py --labels bench/labels/session32-A.json heldout17/notes
        --labels bench/labels/session32-AE.json shared/corpus --labels
        bench/labels/session33-B.json heldout33/notes --labels
        bench/labels/session33-BE.json shared/corpus --labels bench/labels/session34-C.json
        heldout34/notes --labels bench/labels/session34-CE.json shared/corpus --labels
        bench/labels/session32-DV.json dv32/notes --labels bench/labels/session32-DW.json
        dv32/notes --labels bench/labels/session35-E.json heldout35/notes --labels
        bench/labels/session35-EE.json shared/corpus --labels bench/labels/session36-F.json
        heldout36/notes --labels bench/labels/session36-FE.json shared/corpus --verdicts
        s36/judge/verdicts-A.jsonl s36/judge/verdicts-B.jsonl s35/judge/verdicts-A.jsonl
        s35/judge/verdicts-B.jsonl s35/judge/verdicts-C.jsonl s35/judge/verdicts-D.jsonl
        s32/judge/verdicts-A.jsonl s32/judge/verdicts-B.jsonl s32/judge/verdicts-C.jsonl
        s33/judge/verdicts-A.jsonl s33/judge/verdicts-B.jsonl s33/judge/verdicts-C.jsonl
        s34/judge/verdicts-A.jsonl s34/judge/verdicts-B.jsonl s34/judge/verdicts-C.jsonl
"""

INTERCEPT = 1.9871
WEIGHTS: dict[str, float] = {
    "back<=10": -0.3439,
    "back<=200": 0.2026,
    "back<=3": 0.0421,
    "back<=30": -0.0690,
    "back<=80": 0.1863,
    "back>200": -0.0180,
    "back_asks": -0.6572,
    "back_bold_lead": 0.1456,
    "back_code": -0.4329,
    "back_display_math": -0.2253,
    "back_lines": -0.3338,
    "back_links": 0.0091,
    "back_list": 0.4110,
    "back_markup": -0.7306,
    "back_math": -0.1998,
    "back_open": -0.4195,
    "back_sentence": -0.0086,
    "cjk": 0.1562,
    "front<=1": 0.2805,
    "front<=16": -0.1899,
    "front<=3": -0.0721,
    "front<=8": -0.2593,
    "front>16": 0.2408,
    "front_aside": 0.5974,
    "front_asks": 0.2601,
    "front_caps": 0.2739,
    "front_counted": 0.1698,
    "front_deep_path": 0.3493,
    "front_digit": -0.0636,
    "front_distinctive": 0.1942,
    "front_in_back": 0.8506,
    "front_joined": 0.3334,
    "front_label": 0.0441,
    "front_math": 0.2729,
    "front_path": 0.0674,
    "front_symbol": -0.5114,
    "front_twice": -0.6240,
    "note_cards<=2": -0.1400,
    "note_cards<=25": 0.1558,
    "note_cards<=8": 0.3492,
    "note_cards>25": -0.3651,
    "note_dense": 0.3828,
    "note_explicit": 0.0122,
    "note_full": 1.6140,
    "note_low": -0.6526,
    "note_mid": -0.2444,
    "note_sparse": -1.0999,
    "rule=admonition": 0.1978,
    "rule=arrow": -0.5704,
    "rule=asked": 0.1570,
    "rule=brief": -0.4620,
    "rule=callout": 0.1235,
    "rule=definition": -0.4135,
    "rule=deflist": 0.4085,
    "rule=formula": -0.5439,
    "rule=heading": -0.5424,
    "rule=label": 0.3472,
    "rule=nested": 0.0587,
    "rule=question": -0.0539,
    "rule=sentence": 0.3728,
    "rule=subject": 0.6569,
    "rule=table": -0.4270,
    "rule=termlist": -0.3272,
    "rule=verdict": 0.6103,
    "rule_few": 0.1096,
    "rule_main": 0.5169,
    "rule_many": 0.1346,
    "rule_minor": -0.5263,
    "rule_once": -0.2442,
    "section_few": -0.0199,
    "section_many": 0.1111,
    "section_one": -0.0238,
}
