"""Weights of the mined cards' confidence (`confidence.py`). GENERATED, do not edit:
run `python bench/fit_confidence.py` to refit.

A logistic regression (L2 penalty 3, not on the intercept; repository balance 0.5, the script's
defaults: at the refits of sessions 27 and 34 L2 1, 3, 10 and balance 0, 0.5, 1 were compared by
leaving one repository out, and L2 1 and 3 at balance 0.5 sorted each left-out repository's
cards best, tied) fitted on 4719 mined cards of 114 repositories, each labelled good or junk by
the blind labels and the scorer's matching. Cards per labels file: A 458, AE 98, B 784, BE 136,
DV 111, DW 95, corpus 1160, wide 1877 (corpus: sets A-H only; held-out sets and notes are never
read).

Written by:
    python bench/fit_confidence.py --labels /work/heldout17/labels-A.json
        /work/heldout17/notes --labels /work/heldout17/labels-AE.json /work/shared/corpus
        --labels /work/heldout33/labels-B.json /work/heldout33/notes --labels
        /work/heldout33/labels-BE.json /work/shared/corpus --labels
        /work/dv32/labels-DV.json /work/dv32/notes --labels /work/dv32/labels-DW.json
        /work/dv32/notes --verdicts /work/s32/judge/verdicts-A.jsonl
        /work/s32/judge/verdicts-B.jsonl /work/s32/judge/verdicts-C.jsonl
        /work/s33/judge/verdicts-A.jsonl /work/s33/judge/verdicts-B.jsonl
        /work/s33/judge/verdicts-C.jsonl
"""

INTERCEPT = 2.1195
WEIGHTS: dict[str, float] = {
    "back<=10": -0.2087,
    "back<=200": -0.0386,
    "back<=3": 0.2021,
    "back<=30": 0.1074,
    "back<=80": 0.1613,
    "back>200": -0.2235,
    "back_asks": -0.6409,
    "back_bold_lead": 0.4874,
    "back_code": -0.8363,
    "back_display_math": -0.4411,
    "back_lines": 0.2551,
    "back_links": 0.1129,
    "back_list": 0.0301,
    "back_markup": 0.1441,
    "back_math": -0.1344,
    "back_open": -0.8252,
    "back_sentence": -0.1263,
    "cjk": 0.5557,
    "front<=1": 0.2755,
    "front<=16": -0.0680,
    "front<=3": -0.1341,
    "front<=8": -0.4246,
    "front>16": 0.3512,
    "front_aside": 0.6413,
    "front_asks": -0.1038,
    "front_caps": 0.9655,
    "front_counted": -0.9030,
    "front_deep_path": 0.8308,
    "front_digit": -0.2086,
    "front_distinctive": 0.2944,
    "front_in_back": 0.8319,
    "front_joined": 0.1245,
    "front_math": -0.3278,
    "front_path": 0.3333,
    "front_symbol": -1.1145,
    "front_twice": -0.7299,
    "note_cards<=2": 0.9503,
    "note_cards<=25": -0.2594,
    "note_cards<=8": 0.4469,
    "note_cards>25": -1.1378,
    "note_dense": 0.1333,
    "note_explicit": -0.3932,
    "note_full": 1.5838,
    "note_low": -0.4563,
    "note_mid": 0.1202,
    "note_sparse": -1.3810,
    "rule=admonition": -0.0247,
    "rule=arrow": -0.6306,
    "rule=asked": -0.0784,
    "rule=brief": -0.4482,
    "rule=callout": 0.0248,
    "rule=definition": -0.7297,
    "rule=deflist": 0.2322,
    "rule=formula": -0.3679,
    "rule=heading": -0.4466,
    "rule=label": 0.1161,
    "rule=nested": 0.1030,
    "rule=question": 0.3143,
    "rule=sentence": 0.1986,
    "rule=subject": 0.4320,
    "rule=table": 0.1332,
    "rule=termlist": 0.3490,
    "rule=verdict": 0.6860,
    "rule_few": 0.0539,
    "rule_main": 0.3828,
    "rule_many": 0.5514,
    "rule_minor": -0.2071,
    "rule_once": -0.6053,
    "section_few": -0.1134,
    "section_many": 0.6695,
    "section_one": -0.2227,
}
