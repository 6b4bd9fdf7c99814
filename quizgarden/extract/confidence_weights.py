"""Weights of the mined cards' confidence (`confidence.py`). GENERATED, do not edit:
run `python bench/fit_confidence.py` to refit.

A logistic regression (L2 penalty 3, not on the intercept; repository balance 0.5, the script's
defaults: at the refits of sessions 27 and 34 L2 1, 3, 10 and balance 0, 0.5, 1 were compared by
leaving one repository out, and L2 1 and 3 at balance 0.5 sorted each left-out repository's
cards best, tied) fitted on 9457 mined cards of 269 repositories, each labelled good or junk by
the blind labels and the scorer's matching. Cards per labels file: corpus 1193, session32-A 461,
session32-AE 95, session32-DV 110, session32-DW 82, session33-B 852, session33-BE 139,
session34-C 877, session34-CE 133, session35-E 751, session35-EE 253, session36-F 796,
session36-FE 154, session37-G 547, session37-GE 188, session38-H 669, session38-HE 264, wide
1893 (corpus: sets A-H only; held-out sets and notes are never read).

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
        heldout38/notes --labels bench/labels/session38-HE.json shared/corpus --verdicts
        s38/judge/verdicts-A.jsonl s38/judge/verdicts-B.jsonl s37/judge/verdicts-A.jsonl
        s37/judge/verdicts-B.jsonl s36/judge/verdicts-A.jsonl s36/judge/verdicts-B.jsonl
        s35/judge/verdicts-A.jsonl s35/judge/verdicts-B.jsonl s35/judge/verdicts-C.jsonl
        s35/judge/verdicts-D.jsonl s32/judge/verdicts-A.jsonl s32/judge/verdicts-B.jsonl
        s32/judge/verdicts-C.jsonl s33/judge/verdicts-A.jsonl s33/judge/verdicts-B.jsonl
        s33/judge/verdicts-C.jsonl s34/judge/verdicts-A.jsonl s34/judge/verdicts-B.jsonl
        s34/judge/verdicts-C.jsonl
"""

INTERCEPT = 1.9589
WEIGHTS: dict[str, float] = {
    "back<=10": -0.3698,
    "back<=200": 0.2363,
    "back<=3": -0.1173,
    "back<=30": -0.0708,
    "back<=80": 0.2442,
    "back>200": 0.0776,
    "back_asks": -0.6719,
    "back_bold_lead": 0.1571,
    "back_code": -0.3869,
    "back_display_math": -0.3162,
    "back_lines": -0.1491,
    "back_links": -0.0009,
    "back_list": 0.4007,
    "back_markup": -0.8287,
    "back_math": -0.2385,
    "back_open": -0.2171,
    "back_sentence": 0.0387,
    "cjk": -0.0103,
    "front<=1": 0.3180,
    "front<=16": -0.2422,
    "front<=3": -0.1081,
    "front<=8": -0.3299,
    "front>16": 0.3622,
    "front_aside": 0.5698,
    "front_asks": 0.4012,
    "front_caps": 0.1972,
    "front_counted": 0.1682,
    "front_deep_path": 0.3247,
    "front_digit": -0.0914,
    "front_distinctive": 0.1982,
    "front_in_back": 0.7250,
    "front_joined": 0.2576,
    "front_label": -0.7343,
    "front_math": 0.3276,
    "front_path": -0.0424,
    "front_symbol": -0.2646,
    "front_twice": -0.7045,
    "note_cards<=2": 0.0018,
    "note_cards<=25": 0.0670,
    "note_cards<=8": 0.3677,
    "note_cards>25": -0.4366,
    "note_dense": 0.2989,
    "note_explicit": 0.0655,
    "note_full": 1.7185,
    "note_low": -0.6117,
    "note_mid": -0.2592,
    "note_sparse": -1.1465,
    "rule=admonition": 0.1916,
    "rule=arrow": -0.4271,
    "rule=asked": -0.1521,
    "rule=brief": -0.4278,
    "rule=callout": -0.0976,
    "rule=definition": -0.2386,
    "rule=deflist": 0.4640,
    "rule=formula": -0.6563,
    "rule=heading": -0.6665,
    "rule=label": 0.2832,
    "rule=nested": 0.1057,
    "rule=question": -0.2338,
    "rule=sentence": 0.3943,
    "rule=subject": 0.7078,
    "rule=table": 0.0766,
    "rule=termlist": -0.3897,
    "rule=verdict": 0.6658,
    "rule_few": 0.0768,
    "rule_main": 0.5606,
    "rule_many": 0.1208,
    "rule_minor": -0.4869,
    "rule_once": -0.1976,
    "section_few": 0.0478,
    "section_many": -0.1014,
    "section_one": 0.0112,
}
