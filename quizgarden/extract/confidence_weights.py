"""Weights of the mined cards' confidence (`confidence.py`). GENERATED, do not edit:
run `python bench/fit_confidence.py` to refit.

A logistic regression (L2 penalty 3, not on the intercept; repository balance
0.5) fitted on 3898 mined cards
of 92 repositories, each labelled good or junk by the blind labels and the scorer's
matching: DA 286, DB 52, DC 133, DD 410, DE 94, DF 212, corpus 1096, wide 1615
(corpus: sets A-H only; the held-out sets and notes are never read).
"""

INTERCEPT = 2.2777
WEIGHTS: dict[str, float] = {
    "back<=10": -0.6231,
    "back<=200": -0.0726,
    "back<=3": 0.7818,
    "back<=30": -0.0405,
    "back<=80": 0.0329,
    "back>200": -0.0785,
    "back_asks": -0.7827,
    "back_bold_lead": -0.6674,
    "back_code": -0.0984,
    "back_display_math": -0.0971,
    "back_lines": -0.0633,
    "back_links": -0.1762,
    "back_list": 0.0783,
    "back_lower": -0.0069,
    "back_markup": -0.5068,
    "back_math": -0.1313,
    "back_sentence": 0.1748,
    "cjk": -0.0289,
    "front<=1": -0.3297,
    "front<=16": 0.3003,
    "front<=3": -0.3233,
    "front<=8": -0.2897,
    "front>16": 0.6424,
    "front_asks": 0.0729,
    "front_caps": -0.1395,
    "front_counted": -1.5827,
    "front_deep_path": 0.8523,
    "front_distinctive": -0.4719,
    "front_in_back": 0.7421,
    "front_joined": -0.0755,
    "front_math": -0.1137,
    "front_path": -0.3524,
    "note_explicit": -0.4413,
    "rule=admonition": 0.1995,
    "rule=arrow": 0.3017,
    "rule=brief": 0.3602,
    "rule=definition": -0.2169,
    "rule=deflist": 0.6014,
    "rule=formula": -0.8711,
    "rule=heading": -0.3330,
    "rule=label": -0.5142,
    "rule=nested": -0.6179,
    "rule=sentence": 0.3651,
    "rule=table": -0.6419,
    "rule=verdict": 1.0884,
    "rule_few": 0.0970,
    "rule_many": 0.3222,
    "rule_once": -0.4192,
}
