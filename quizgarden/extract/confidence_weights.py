"""Weights of the mined cards' confidence (`confidence.py`). GENERATED, do not edit:
run `python bench/fit_confidence.py` to refit.

A logistic regression (L2 penalty 3, not on the intercept; repository balance 0.5, the script's
defaults: at the refits of sessions 27 and 34 L2 1, 3, 10 and balance 0, 0.5, 1 were compared by
leaving one repository out, and L2 1 and 3 at balance 0.5 sorted each left-out repository's
cards best, tied) fitted on 4752 mined cards of 114 repositories, each labelled good or junk by
the blind labels and the scorer's matching. Cards per labels file: corpus 1161, session32-A 457,
session32-AE 98, session32-DV 110, session32-DW 86, session33-B 818, session33-BE 139, wide 1883
(corpus: sets A-H only; held-out sets and notes are never read).

Written by:
    python bench/fit_confidence.py --labels bench/labels/session32-A.json heldout17/notes
        --labels bench/labels/session32-AE.json shared/corpus --labels
        bench/labels/session33-B.json heldout33/notes --labels
        bench/labels/session33-BE.json shared/corpus --labels bench/labels/session32-DV.json
        dv32/notes --labels bench/labels/session32-DW.json dv32/notes --verdicts
        judge/verdicts-A.jsonl judge/verdicts-B.jsonl judge/verdicts-C.jsonl
        judge/verdicts-A.jsonl judge/verdicts-B.jsonl judge/verdicts-C.jsonl
"""

INTERCEPT = 2.1928
WEIGHTS: dict[str, float] = {
    "back<=10": -0.2585,
    "back<=200": 0.0044,
    "back<=3": 0.1878,
    "back<=30": 0.0573,
    "back<=80": 0.1788,
    "back>200": -0.1697,
    "back_asks": -0.5962,
    "back_bold_lead": 0.4002,
    "back_code": -0.7331,
    "back_display_math": -0.4257,
    "back_lines": 0.2394,
    "back_links": 0.1446,
    "back_list": -0.0340,
    "back_markup": 0.1607,
    "back_math": -0.2031,
    "back_open": -0.7862,
    "back_sentence": -0.1141,
    "cjk": 0.4969,
    "front<=1": 0.2498,
    "front<=16": 0.0026,
    "front<=3": -0.1330,
    "front<=8": -0.3636,
    "front>16": 0.2442,
    "front_aside": 0.6096,
    "front_asks": -0.0982,
    "front_caps": 0.9191,
    "front_deep_path": 0.8046,
    "front_digit": 0.0567,
    "front_distinctive": 0.2399,
    "front_in_back": 0.8146,
    "front_joined": 0.1042,
    "front_math": -0.3815,
    "front_path": 0.2701,
    "front_symbol": -1.1718,
    "front_twice": -0.7133,
    "note_cards<=2": 0.7769,
    "note_cards<=25": -0.1714,
    "note_cards<=8": 0.3973,
    "note_cards>25": -1.0028,
    "note_dense": 0.1066,
    "note_explicit": -0.3870,
    "note_full": 1.5178,
    "note_low": -0.4287,
    "note_mid": 0.0908,
    "note_sparse": -1.2865,
    "rule=admonition": -0.1392,
    "rule=arrow": -0.6401,
    "rule=asked": -0.1473,
    "rule=brief": -0.3939,
    "rule=callout": 0.0397,
    "rule=definition": -0.6767,
    "rule=deflist": 0.2343,
    "rule=formula": -0.3514,
    "rule=heading": -0.4920,
    "rule=label": 0.1826,
    "rule=nested": 0.0791,
    "rule=question": 0.3853,
    "rule=sentence": 0.1073,
    "rule=subject": 0.4221,
    "rule=table": 0.2902,
    "rule=termlist": 0.3266,
    "rule=verdict": 0.6407,
    "rule_few": 0.0194,
    "rule_main": 0.4223,
    "rule_many": 0.4275,
    "rule_minor": -0.3281,
    "rule_once": -0.4468,
    "section_few": -0.0918,
    "section_many": 0.6565,
    "section_one": -0.2945,
}
