"""Weights of the mined cards' confidence (`confidence.py`). GENERATED, do not edit:
run `python bench/fit_confidence.py` to refit.

A logistic regression (L2 penalty 3, not on the intercept; repository balance 0.5, the script's
defaults: at the refits of sessions 27 and 34 L2 1, 3, 10 and balance 0, 0.5, 1 were compared by
leaving one repository out, and L2 1 and 3 at balance 0.5 sorted each left-out repository's
cards best, tied) fitted on 10093 mined cards of 299 repositories, each labelled good or junk by
the blind labels and the scorer's matching. Cards per labels file: corpus 1192, session32-A 473,
session32-AE 94, session32-DV 109, session32-DW 83, session33-B 848, session33-BE 139,
session34-C 885, session34-CE 133, session35-E 747, session35-EE 254, session36-F 792,
session36-FE 154, session37-G 543, session37-GE 188, session38-H 658, session38-HE 264,
session39-I 549, session39-IE 97, wide 1891 (corpus: sets A-H only; held-out sets and notes are
never read).

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
        bench/labels/session37-GE.json shared/corpus --labels bench/labels/session38-H.json
        heldout38/notes --labels bench/labels/session38-HE.json shared/corpus --labels
        bench/labels/session39-I.json heldout39/notes --labels
        bench/labels/session39-IE.json shared/corpus --verdicts s39/judge/verdicts-A.jsonl
        s39/judge/verdicts-B.jsonl s38/judge/verdicts-A.jsonl s38/judge/verdicts-B.jsonl
        s37/judge/verdicts-A.jsonl s37/judge/verdicts-B.jsonl s36/judge/verdicts-A.jsonl
        s36/judge/verdicts-B.jsonl s35/judge/verdicts-A.jsonl s35/judge/verdicts-B.jsonl
        s35/judge/verdicts-C.jsonl s35/judge/verdicts-D.jsonl s32/judge/verdicts-A.jsonl
        s32/judge/verdicts-B.jsonl s32/judge/verdicts-C.jsonl s33/judge/verdicts-A.jsonl
        s33/judge/verdicts-B.jsonl s33/judge/verdicts-C.jsonl s34/judge/verdicts-A.jsonl
        s34/judge/verdicts-B.jsonl s34/judge/verdicts-C.jsonl
"""

INTERCEPT = 2.0065
WEIGHTS: dict[str, float] = {
    "back<=10": -0.3178,
    "back<=200": 0.2862,
    "back<=3": -0.1743,
    "back<=30": -0.0327,
    "back<=80": 0.2804,
    "back>200": -0.0417,
    "back_asks": -0.5374,
    "back_bold_lead": 0.1172,
    "back_code": -0.3469,
    "back_display_math": -0.2926,
    "back_lines": -0.1472,
    "back_links": -0.0088,
    "back_list": 0.4088,
    "back_markup": -1.0233,
    "back_math": -0.1962,
    "back_open": -0.3423,
    "back_sentence": 0.0432,
    "cjk": 0.0887,
    "front<=1": 0.2542,
    "front<=16": -0.2478,
    "front<=3": -0.0932,
    "front<=8": -0.3001,
    "front>16": 0.3868,
    "front_aside": 0.5955,
    "front_asks": 0.4434,
    "front_caps": 0.1734,
    "front_counted": 0.2420,
    "front_deep_path": 0.2836,
    "front_digit": -0.0519,
    "front_distinctive": 0.0921,
    "front_in_back": 0.7873,
    "front_joined": 0.1355,
    "front_label": -0.5195,
    "front_math": 0.3160,
    "front_path": -0.0515,
    "front_symbol": -0.1789,
    "front_twice": -0.6099,
    "note_cards<=2": 0.1170,
    "note_cards<=25": 0.0601,
    "note_cards<=8": 0.3557,
    "note_cards>25": -0.5327,
    "note_dense": 0.2306,
    "note_explicit": 0.0763,
    "note_full": 1.9862,
    "note_low": -0.7091,
    "note_mid": -0.3258,
    "note_sparse": -1.1820,
    "rule=admonition": 0.2048,
    "rule=arrow": -0.4433,
    "rule=asked": -0.3265,
    "rule=brief": -0.3535,
    "rule=callout": -0.0672,
    "rule=definition": -0.1332,
    "rule=deflist": 0.4505,
    "rule=formula": -0.5472,
    "rule=heading": -0.6517,
    "rule=label": 0.2284,
    "rule=nested": 0.1562,
    "rule=question": -0.2075,
    "rule=sentence": 0.1424,
    "rule=subject": 0.6805,
    "rule=table": 0.1942,
    "rule=termlist": -0.2980,
    "rule=verdict": 0.6542,
    "rule_few": 0.0981,
    "rule_main": 0.4163,
    "rule_many": 0.2008,
    "rule_minor": -0.3615,
    "rule_once": -0.2989,
    "section_few": 0.0465,
    "section_many": -0.0533,
    "section_one": -0.0446,
}
