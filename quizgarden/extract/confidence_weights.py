"""Weights of the mined cards' confidence (`confidence.py`). GENERATED, do not edit:
run `python bench/fit_confidence.py` to refit.

A logistic regression (L2 penalty 3, not on the intercept; repository balance 0.5, the script's
defaults: at the refits of sessions 27 and 34 L2 1, 3, 10 and balance 0, 0.5, 1 were compared by
leaving one repository out, and L2 1 and 3 at balance 0.5 sorted each left-out repository's
cards best, tied) fitted on 10941 mined cards of 331 repositories, each labelled good or junk by
the blind labels and the scorer's matching. Cards per labels file: corpus 1192, session32-A 474,
session32-AE 94, session32-DV 109, session32-DW 83, session33-B 850, session33-BE 139,
session34-C 880, session34-CE 132, session35-E 747, session35-EE 253, session36-F 801,
session36-FE 154, session37-G 563, session37-GE 188, session38-H 658, session38-HE 263,
session39-I 549, session39-IE 97, session40-J 659, session40-JE 165, wide 1891 (corpus: sets A-H
only; held-out sets and notes are never read).

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
        bench/labels/session39-IE.json shared/corpus --labels bench/labels/session40-J.json
        heldout40/notes --labels bench/labels/session40-JE.json shared/corpus --verdicts
        s40/judge/verdicts-A.jsonl s40/judge/verdicts-B.jsonl s39/judge/verdicts-A.jsonl
        s39/judge/verdicts-B.jsonl s38/judge/verdicts-A.jsonl s38/judge/verdicts-B.jsonl
        s37/judge/verdicts-A.jsonl s37/judge/verdicts-B.jsonl s36/judge/verdicts-A.jsonl
        s36/judge/verdicts-B.jsonl s35/judge/verdicts-A.jsonl s35/judge/verdicts-B.jsonl
        s35/judge/verdicts-C.jsonl s35/judge/verdicts-D.jsonl s32/judge/verdicts-A.jsonl
        s32/judge/verdicts-B.jsonl s32/judge/verdicts-C.jsonl s33/judge/verdicts-A.jsonl
        s33/judge/verdicts-B.jsonl s33/judge/verdicts-C.jsonl s34/judge/verdicts-A.jsonl
        s34/judge/verdicts-B.jsonl s34/judge/verdicts-C.jsonl
"""

INTERCEPT = 2.0249
WEIGHTS: dict[str, float] = {
    "back<=10": -0.2993,
    "back<=200": 0.2499,
    "back<=3": -0.1340,
    "back<=30": -0.0411,
    "back<=80": 0.2171,
    "back>200": 0.0075,
    "back_asks": -0.5331,
    "back_bold_lead": 0.1743,
    "back_code": -0.2554,
    "back_display_math": -0.2098,
    "back_lines": -0.1675,
    "back_links": -0.2929,
    "back_list": 0.3099,
    "back_markup": -1.2456,
    "back_math": -0.2644,
    "back_open": -0.6827,
    "back_sentence": 0.0904,
    "cjk": 0.0297,
    "front<=1": 0.1375,
    "front<=16": -0.1731,
    "front<=3": -0.1282,
    "front<=8": -0.3394,
    "front>16": 0.5032,
    "front_aside": 0.6861,
    "front_asks": 0.5954,
    "front_caps": 0.1741,
    "front_counted": 0.1643,
    "front_deep_path": 0.2464,
    "front_digit": 0.1367,
    "front_distinctive": 0.0599,
    "front_in_back": 0.7992,
    "front_joined": 0.0520,
    "front_label": -0.4256,
    "front_math": 0.0953,
    "front_path": -0.0039,
    "front_symbol": 0.0346,
    "front_twice": -0.5053,
    "note_cards<=2": 0.1245,
    "note_cards<=25": 0.0533,
    "note_cards<=8": 0.2810,
    "note_cards>25": -0.4588,
    "note_dense": 0.1663,
    "note_explicit": -0.0529,
    "note_full": 1.8270,
    "note_low": -0.6018,
    "note_mid": -0.2471,
    "note_sparse": -1.1444,
    "rule=admonition": 0.0667,
    "rule=arrow": -0.5639,
    "rule=asked": -0.3584,
    "rule=brief": -0.3432,
    "rule=callout": -0.0048,
    "rule=definition": -0.2214,
    "rule=deflist": 0.4593,
    "rule=formula": -0.3927,
    "rule=heading": -0.5987,
    "rule=label": 0.3778,
    "rule=nested": 0.3154,
    "rule=question": -0.3180,
    "rule=sentence": 0.0091,
    "rule=subject": 0.7246,
    "rule=table": 0.0441,
    "rule=termlist": -0.2828,
    "rule=verdict": 0.6515,
    "rule_few": 0.0956,
    "rule_main": 0.4064,
    "rule_many": 0.1912,
    "rule_minor": -0.4596,
    "rule_once": -0.2868,
    "section_few": 0.0292,
    "section_many": -0.0230,
    "section_one": -0.0101,
}
