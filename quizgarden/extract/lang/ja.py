"""Japanese: copulas, question words, structural headings, labels and lead-ins.

Japanese shares its kanji with Chinese, so the Chinese table already reads many Japanese
headings; this table holds what only Japanese writes (kana words, "以下の").

Japanese marks the subject of a definition after it (`インフレーションとは、…である`), and names
a thing after its description (`…を**自然失業率**という`): the `namers` entries are what
follows the name in that second shape.
"""

from .table import Table

TABLE = Table(
    front_fields=("表面",),
    back_fields=("裏面",),
    reveal_labels=(
        "答え",
        "解答",
        "正解",
        "答えを見る",
    ),
    code="ja",
    formula_leads=("は", "で与えられる", "と定義される", "と表される"),
    # "とは" opens a definition; not in "ことは"/"ものとは", where it follows a clause
    copulas=("(?<![こもの])とは",),
    question_words=("なぜ", "どうして", "どのように", "どうやって", "何が", "何を", "どんな"),
    question_ends=("とは何か", "ですか", "ますか", "でしょうか", "のか"),
    structural_headings=(
        "はじめに",
        "おわりに",
        "概要",
        "まとめ",
        "目次",
        "参考",
        "参考文献",
        "参考資料",
        "参考リンク",
        "関連(?:記事|項目|リンク)?",
        "付録",
        "補足",
        "前提知識",
        "導出",
        "証明",
        "例題",
        "演習",
        "練習問題",
        "メモ",
        "備考",
        "感想",
        "背景",
        "結論",
        "課題",
    ),
    list_labels=(
        "原因",
        "症状",
        "特徴",
        "利点",
        "欠点",
        "長所",
        "短所",
        "メリット",
        "デメリット",
        "種類",
        "分類",
        "条件",
        "要件",
        "効果",
        "役割",
        "手順",
    ),
    label_words=(
        "例",
        "注",
        "注意",
        "備考",
        "補足",
        "ヒント",
        "ex",
        "例えば",
        "参考",
        "答え",
        "問",
        "例え",
        "ポイント",
        "問題",
        "解答",
        "注意点",
    ),
    field_names=("作成日", "更新日", "著者", "日付", "タグ", "カテゴリ", "状態", "出典"),
    subject_stopwords=("これ", "それ", "あれ", "この", "その", "あの", "ここ", "そこ", "次"),
    deictic=("これ", "それ", "この", "その", "ここ", "上記", "下記"),
    gloss_headers=("意味", "定義", "説明", "解説"),
    joiners=("および", "ならびに"),
    openers=("まず", "次に", "最後に", "また", "さらに", "ここで", "以下", "以上", "つまり"),
    articles=(),
    proof_headings=("導出", "証明", "解答", "解説"),
    name_objects=("を",),
    forward_refs=("以下の", "下記の", "次の通り", "次のとおり", "以下のとおり"),
    stage_nouns=("段階", "フェーズ"),
    aspect_leads=("利点", "長所", "短所", "欠点", "理由", "問題", "課題", "特徴", "違い"),
    # "主な要因は 2 つある": the count comes before つ (not after another character)
    count_leads=(r"(?<![^0-9０-９二三四五六\s])つ(?:ある|あります|存在する)",),
    example_marks=("例えば", "たとえば"),
    namers=("という", "といい", "と言う", "と呼ぶ", "と呼び", "と呼んでいる", "と定義する"),
    # the `subject` rule
    intro_headings=("概要", "はじめに", "定義"),
    # what sends the reader to a linked page instead of saying something
    see_words=("参照", "を参照"),
    # the text speaking of itself: its back describes the note, not its subject
    self_refs=("(?:本節|この節|本章|この章|このセクション)",),
    reason_questions=("なぜ", "どうして", "どのように", "どうやって"),
)
