"""Japanese: the labels, structural headings and lead-ins a Japanese note uses.

Japanese shares its kanji with Chinese, so the Chinese table already reads many Japanese
headings; this table holds what only Japanese writes (kana words, "以下の").
"""

from .table import Table

TABLE = Table(
    code="ja",
    copulas=(),
    question_words=(),
    question_ends=(),
    structural_headings=(
        "まとめ",
        "概要",
        "はじめに",
        "おわりに",
        "参考文献",
        "参考",
        "目次",
        "練習問題",
        "演習",
    ),
    list_labels=(),
    label_words=(
        "例",
        "例え",
        "注",
        "注意",
        "補足",
        "ポイント",
        "備考",
        "メモ",
        "参考",
        "問題",
        "答え",
        "解答",
        "注意点",
    ),
    field_names=(),
    subject_stopwords=(),
    deictic=(),
    gloss_headers=("意味", "定義", "説明"),
    joiners=(),
    openers=(),
    articles=(),
    forward_refs=("以下の", "下記の", "次の通り", "次のとおり", "以下のとおり"),
    example_marks=("例えば", "たとえば"),
)
