"""The shape of one language's table: the words rules need that differ from language to language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    """Words of one language, lower case; entries may be small regular expressions (`notes?`).

    Adding a language means adding a module with one `TABLE` and listing it in `lang/__init__.py`:
    rule code never names a word of any language.
    """

    code: str
    copulas: tuple[str, ...]  # what follows the subject of a defining sentence: "is a", "是指"
    question_words: tuple[str, ...]  # how a question opens: "what", "为什么", "warum"
    question_ends: tuple[str, ...]  # how a question ends without "?": "是什么", "吗"
    structural_headings: tuple[str, ...]  # headings that organise, not name: "Summary", "总结"
    list_labels: tuple[str, ...]  # a label that asks for the list under it: "Causes", "原因"
    label_words: tuple[str, ...]  # labels that are never terms: "N.B", "Example", "注"
    field_names: tuple[str, ...]  # Dataview keys that are metadata: "author", "status"
    subject_stopwords: tuple[str, ...]  # a defining sentence's subject never opens with these
    # words that point back at the text: "this", "it", "这里"; every table's list applies to every
    # note, so a word that is ordinary in another language ("es" is Spanish for "is") stays out
    deictic: tuple[str, ...]
    gloss_headers: tuple[str, ...]  # a table column that defines its row: "Definition", "含义"
    joiners: tuple[str, ...]  # join two subjects or make one an attribute: "and", "和", "的"
    openers: tuple[str, ...]  # a paragraph opening so continues a text: "Next", "接下来"
    articles: tuple[str, ...]  # dropped before a subject: "The mitochondrion" -> "mitochondrion"
    # a term never opens with one: "According to experiments", "Unter Abwesenden" lead into a clause
    prepositions: tuple[str, ...] = ()
    # those that place what follows in a field or a setting, before a comma: "In statistics, …",
    # "En economía, …"; a subject after such a phrase belongs to the field
    place_prepositions: tuple[str, ...] = ()
    # the last word of a short title that makes it one aspect of what its section names, whose
    # name it leaves out: "Security Considerations", "Common Misconceptions"
    aspect_heads: tuple[str, ...] = ()
    # a label naming the point its section makes, not whose: "Key Insight", "Main Driver", "Key
    # difference from numbers"
    point_labels: tuple[str, ...] = ()
    # a section that points to other notes and says how they relate: "Related Concepts",
    # "Connections to …", "相关概念"; its links are other notes' subjects, not this one's terms
    relation_headings: tuple[str, ...] = ()
    # a verb that ends a lead-in over the list of what its subject holds: "军事思想的内容体系包括："
    list_verbs: tuple[str, ...] = ()
    # a section whose formulas are steps, not facts to learn: "Derivation", "Proof", "推导"
    proof_headings: tuple[str, ...] = ()
    # copulas that define on their own, whatever the subject: "refers to", "是指"; `copulas` and
    # these together are every copula of the language
    naming_copulas: tuple[str, ...] = ()
    # the copula alone, "is", "ist", "est": it defines in a list of items that each open with
    # a subject and it ("- Perihelion is closest to the sun" / "- Aphelion is …"), where in
    # prose it says anything of anything
    bare_copulas: tuple[str, ...] = ()
    # what makes a copula after an item's subject passive or adverbial, a statement about the
    # subject rather than what it is: "is used to …", "are clearly assigned", "is also …"
    passive_marks: tuple[str, ...] = ()
    # how a statement's predicate opens when it is no copula: a verb in the third person or a
    # modal ("A **unit vector** has length 1", "The `exists` construct returns …")
    predicate_openers: tuple[str, ...] = ()
    # how a plural noun that ends a subject looks, and the plain verb that agrees with it: a
    # subject and its verb by their form, where neither is a table's word ("**Patents** give
    # …", "**Enzymes** lower …"); a word of the function-word fields is never such a verb
    plural_nouns: tuple[str, ...] = ()
    plain_verbs: tuple[str, ...] = ()
    # the writer speaking of themself: "I", "we", "我们"; as written (case matters: "I", not the
    # "i" of "i.e.")
    first_person: tuple[str, ...] = ()
    # those of `first_person` that, past a sentence's opening clause, are a textbook's voice for
    # author and reader together, not a diary's ("…，而我们这里…就属于取极值的操作"): a section
    # may still be explained in them. Only where the notes show it: English "we" narrates as
    # often as it explains ("…, we must also decide …"), so the English table lists none
    first_person_plural: tuple[str, ...] = ()
    # those of `first_person` that, in the clause narrowing the class a copula puts its subject
    # in, speak for anyone, as a textbook's "one" does: "Perception is the process by which we
    # select …", "the idea that we don't directly experience the world"; not the singular ("the
    # model that I trained"), a writer's own. Only where the table lists a first person
    generic_person: tuple[str, ...] = ()
    # numbers spelled out, which count the part of a course a word like `Part` or `Unit` opens
    # ("Part Two", "Teil Zwei"), where a name's own words would follow ("Unit Vector")
    spelled_numbers: tuple[str, ...] = ()
    # what the plural first person goes on with when it tells the writer's own course, not a
    # general truth: "我们已经实现了…", "我们首先需要…", "我们就不展开了"
    narration: tuple[str, ...] = ()
    # a heading ending so is a topic label ("训练流程", "Model comparison"), not a term
    topic_suffixes: tuple[str, ...] = ()
    # labels that carry a link or a value, never knowledge: "Paper", "Code", "原文"
    value_labels: tuple[str, ...] = ()
    # a first table header over the aspects of things compared: "Aspect", "Feature", "特性"
    aspect_headers: tuple[str, ...] = ()
    # a term never opens with these: pronouns, conjunctions ("this", "如果")
    term_openers: tuple[str, ...] = ()
    # ...nor ends with these: function words ("of", "的")
    term_enders: tuple[str, ...] = ()
    # words that make a phrase a clause, not a name: "is", "can", "需要"
    clause_words: tuple[str, ...] = ()
    # labels that with a number only count ("Lemma 2", "定理 5", "Step 3")
    numbered_labels: tuple[str, ...] = ()
    # labels of a statement that a parenthesis may name ("Theorem 5.1 (Rank)", "定理")
    statement_labels: tuple[str, ...] = ()
    # those of them that label a definition ("Definition 2", "定义"): the rest state a result
    definition_labels: tuple[str, ...] = ()
    # what a file of cards is named ("flashcards.md", "Karteikarten.md"): its sections are cards
    deck_names: tuple[str, ...] = ()
    # imperative verbs: a phrase opening with one is a step, not a name ("Compute", "设置")
    actions: tuple[str, ...] = ()
    # actions whose word opens a name as often, an adjective or a noun before the noun it
    # qualifies: in title case the phrase names a thing ("Open Ball", "Split TLB", "Update
    # Anomaly"), where "Create Account" or "Initialize Parameters" stays a step
    naming_actions: tuple[str, ...] = ()
    # a character after an action verb that makes it a noun ("计算式", "设置性"), not an order
    noun_suffixes: tuple[str, ...] = ()
    # labels before a question or an answer: "Q:", "问：", "Answer:", "答："
    question_labels: tuple[str, ...] = ()
    answer_labels: tuple[str, ...] = ()
    # the label of the line that names a multiple-choice question's right option:
    # "**Answer: B) Load balancer**", "正确答案：C", "Lösung: A"
    choice_answer_labels: tuple[str, ...] = ()
    # the summary of a disclosure block that folds an answer away ("Show answer", "答案")
    reveal_labels: tuple[str, ...] = ()
    # the names of Anki's Basic fields, as converters take them for headings ("## Front")
    front_fields: tuple[str, ...] = ()
    back_fields: tuple[str, ...] = ()
    # a heading that opens with one introduces an example ("Example 2", "例题")
    example_words: tuple[str, ...] = ()
    # a word that ranks what follows among its kind ("the most complex", "the largest"): a
    # claim about the subject, not the class that defines it
    superlatives: tuple[str, ...] = ()
    # ...and so does one that ends with one ("例 2", "场景举例", "An example")
    example_suffixes: tuple[str, ...] = ()
    # words before a number that make it a measurement: "about", "约"
    approximations: tuple[str, ...] = ()
    # an adverb that may stand between a subject and its copula and says the definition is put
    # plainly, not that it holds only at times or besides something else ("Dichotic listening
    # simply refers to …", "Embedding 层其实是 …"; not "usually", "also"): it qualifies the verb,
    # not the subject. Where the verb comes second, as in German, none stands there
    copula_adverbs: tuple[str, ...] = ()
    # a negation between a subject and its copula ("La escasez no es …", "Il debitore non è
    # tenuto …"): the sentence says what the subject is not, no definition of it
    copula_negations: tuple[str, ...] = ()
    # abbreviations that set two names against each other inside one name, their full stop
    # ending no sentence: "vs" ("Volatile vs. Persistent Storage", "SVM vs. Logistic Regression")
    versus: tuple[str, ...] = ()
    # a heading that sets two things against each other asks how they differ: "Hubs vs.
    # Bridges", "malloc 与 calloc 区别"; its answer is the list or table that sets them apart
    comparisons: tuple[str, ...] = ()
    # how a statement that goes on in a formula below ends: "then", "we have", "则"
    announcers: tuple[str, ...] = ()
    # how a sentence that names the quantity of the formula below ends: "is given by", "定义为"
    formula_leads: tuple[str, ...] = ()
    # a verb that defines a quantity by the inline formula right after it, in the same sentence:
    # "The distance … is defined as $d(u, v) = …$", "其闭包定义为 $…$"; not a bare copula ("is
    # $x = 1$") nor a notation ("记为 $…$")
    formula_definers: tuple[str, ...] = ()
    # the branch of a checklist: "if yes", "否则"
    branch_openers: tuple[str, ...] = ()
    # fronts that say nothing without their section: "Advantages", "Definition", "优点"
    generic_fronts: tuple[str, ...] = ()
    # how a front that introduces a quotation ends: "said", "指出" ("报告指出：“…”")
    speech_verbs: tuple[str, ...] = ()
    # words that announce what follows (a list, a formula): "as follows", "如下"
    lead_ins: tuple[str, ...] = ()
    # how a list item left open ends, the items nested under it completing what it says:
    # "… is complicated, because:", "… are independent if", "… indicated in one of the following:"
    open_connectives: tuple[str, ...] = ()
    # a text speaking to its reader: "you will", "你将"
    to_reader: tuple[str, ...] = ()
    # a paragraph that opens or reads so defines the heading above it: "is a", "是指"
    defining_phrases: tuple[str, ...] = ()
    # a paragraph opening so under a heading that names a thing says what it is, the pronoun
    # standing for the heading: "This is a bone …", "These are the muscles …"; the complement
    # must name a class (an article, or a plural word for a plural copula) or open with one of
    # `deictic_complements` ("This is how …")
    deictic_copulas: tuple[str, ...] = ()
    deictic_plural: tuple[str, ...] = ()  # those of them that take a plural: "these are"
    deictic_complements: tuple[str, ...] = ()
    # words a title is counted without: "the", "of"
    title_stopwords: tuple[str, ...] = ()
    # words by which a question heading points at its section: "here", "这里"
    pointers: tuple[str, ...] = ()
    # determiners that point a noun back at what the text said before: "this", "these"
    demonstratives: tuple[str, ...] = ()
    # words that stand for a thing named elsewhere, never a name: "ones", "others", "that one"
    pro_forms: tuple[str, ...] = ()
    # words that send the reader to a linked page: "see", "siehe", "参见"
    see_words: tuple[str, ...] = ()
    # a paragraph that opens so does not explain the heading above it ("Next, …", "接下来");
    # narrower than `openers`: "这里的 X 指的是 …" does explain its heading
    section_openers: tuple[str, ...] = ()
    # a paragraph opening so sets up notation for what follows ("Let $A$ be …", "Sean $A, B$
    # dos matrices …", "设 G0 是 …"): when the opener is followed closely by a symbol, the
    # paragraph names symbols rather than saying what the heading above it is
    setup_openers: tuple[str, ...] = ()
    # the word that turns such a set-up into a theorem: "Let $X_i$ be i.i.d. … Then …"
    conclusions: tuple[str, ...] = ()
    # a sentence opening so leans on the one before it, the opener meaningless alone on a card:
    # "Therefore,", "However,", "基于此，", "为了弥补这一差距，"
    carried_openers: tuple[str, ...] = ()
    # a paragraph that only points at related pages: "Related posts", "相关阅读"
    related_labels: tuple[str, ...] = ()
    # headings that name a part of a text, not what its formulas are about: "Setup", "公式"
    part_headings: tuple[str, ...] = ()
    # how a proof opens: "Proof.", "证明："
    proof_labels: tuple[str, ...] = ()
    # a lead that makes the formula after it a step of a derivation: "substituting", "代入"
    step_leads: tuple[str, ...] = ()
    # a lead that ends by saying the line before turns into the formula below ("… becomes:",
    # "simplifies to", "此时上式变为:"): it names no quantity of its own
    rewriting_leads: tuple[str, ...] = ()
    # a whole lead, or a lead's last clause, that only carries an argument on to the formula
    # below it and names nothing: "Thus:", "Then we have:", "Solving for $t$:", "From the graph
    # we can see:", "于是可得：", an operation done to the line before ("Differentiating …
    # yields:"), a premise ("If", "对于")
    argument_leads: tuple[str, ...] = ()
    # a whole lead that only says the line before again in other terms: "i.e.", "Equivalently,",
    # "即：", "也就是"; not a lead's last clause, where "X 服从泊松分布，即" names what follows
    restating_leads: tuple[str, ...] = ()
    # how a heading over one numbered step or case of a worked problem opens: "Step 2", "Caso 1:",
    # "第二步"; its formulas are that problem's working
    step_headings: tuple[str, ...] = ()
    # how the worked answer to an exercise opens: "Ans.", "Solution:", "解："; its formulas are
    # that exercise's working
    solution_labels: tuple[str, ...] = ()
    # the imperative that poses an exercise on given math: "Find the derivative of $f(x)=x^2$",
    # "Solve $2x+1=5$", "求 $f(x)$ 的导数"
    exercise_verbs: tuple[str, ...] = ()
    # how a past participle and a gerund end in a language that inflects them so ("Developed by
    # …" goes on from its heading with no subject; "Calculating …" is a sentence's subject)
    participle_endings: tuple[str, ...] = ()
    gerund_endings: tuple[str, ...] = ()
    # a table cell that answers nothing: "yes", "n/a", "是", "无"
    no_answers: tuple[str, ...] = ()
    # "X of Y": the word joining a kind to what it belongs to ("Types of cells", "Arten von")
    of_words: tuple[str, ...] = ()
    # the word that opens a phrase of purpose after a noun: "Steps to reproduce", "Tips to
    # remember"; the noun before it heads its heading as before a preposition
    infinitive_markers: tuple[str, ...] = ()
    # a heading that thanks: "Acknowledgements", "致谢"
    thanks: tuple[str, ...] = ()
    # a heading that opens so gives advice, not a name: "Do not", "请"
    instruction_openers: tuple[str, ...] = ()
    # an instruction that asks as an exam question does ("Define …", "Outline …", "列出…"): a
    # list item opening so, with no question mark, over the items nested under it that answer it
    asking_instructions: tuple[str, ...] = ()
    # a sentence that opens so goes on, it does not define: "and", "但"
    continuations: tuple[str, ...] = ()
    # what stands where an answer is still to be written: "to be added", "TBD", "待补充"
    placeholders: tuple[str, ...] = ()
    # sections whose items are not definitions: references, results, advice, procedures
    reference_headings: tuple[str, ...] = ()
    result_headings: tuple[str, ...] = ()
    advice_headings: tuple[str, ...] = ()
    procedure_headings: tuple[str, ...] = ()
    # sections that gather terms of the note's subject: "Glossary", "术语"
    glossary_headings: tuple[str, ...] = ()
    # a lead-in whose list gives aspects of its subject (its advantages, problems, reasons), not
    # terms: "有两个优势：", "难点主要有", "the main drawbacks are"
    aspect_leads: tuple[str, ...] = ()
    # a question asking why, whether or how (not how many): the list answering it gives reasons or
    # ways that mean something only as its answer, not terms: "why", "how", "为什么", "如何"
    reason_questions: tuple[str, ...] = ()
    # how the name of a stage ends: "知识提取阶段", "Training phase"; in a list of steps a stage
    # so named is a term, unlike a step ("收集数据")
    stage_nouns: tuple[str, ...] = ()
    # a word right after a name that places or times it, making the name part of a phrase:
    # "**全自动模式**下所有 tensor …" (in that mode), "**训练**时…"
    localizers: tuple[str, ...] = ()
    # the words that frame one case of a quantity as a condition in a list of its cases, before
    # it and after it: "- 当 $h(x) = 0$ 时，该算法退化为…", "- $\xi = 1$ 时，有两个相等负实根"
    case_openers: tuple[str, ...] = ()
    case_closers: tuple[str, ...] = ()
    # a sentence ending so announces what comes next: "the following", "以下の", "siguientes";
    # a back that stops there has left its answer out
    forward_refs: tuple[str, ...] = ()
    # how a sentence opens that only announces what follows it: "The following details …",
    # "Here are …", "这里给出…", "Voici …"; a back that opens so, and holds no list or table,
    # has left out what it announced
    announcing_openers: tuple[str, ...] = ()
    # words pointing back at the text before: "that we just covered", "前面介绍的"
    back_refs: tuple[str, ...] = ()
    # a sentence that only says what the text after it will do: "we next analyse whether …",
    # "下面介绍…", "这里对…进行推导"; a back that is one such sentence has no answer in it
    previews: tuple[str, ...] = ()
    # how a text opens that speaks of itself, not of its subject: "This section explores …",
    # "This document provides …", "本小节介绍…"; a back that opens so describes the note
    self_refs: tuple[str, ...] = ()
    # a count that announces the items named after it: "there are two", "es gibt drei",
    # "分为两类", "2 つある"; a back that ends a few words after it has left its items out
    count_leads: tuple[str, ...] = ()
    # a count of kinds that opens an outline's line with no verb before it ("four types of solid
    # carbon" over its nested items, "Same 5 types of formulas …" over a figure); a back that
    # closes on one has left its kinds out, as after a count lead
    kind_counts: tuple[str, ...] = ()
    # how an effect, a reason or a condition opens: "Life too easy -> less reliance on religion",
    # "-> so there are no duplicates", "-> when the hammer falls" make an arrow causal, not a gloss
    effects: tuple[str, ...] = ()
    # a numbered part of a course or a text, written with its number: "Topic 6", "Parte 1", "第3章"
    numbered_sections: tuple[str, ...] = ()
    # a table column that numbers the rows, not what the number is: "No.", "Index", "序号"; rows
    # named by numbers under any other header ("Year", "Step", "描述符") are named by both
    index_headers: tuple[str, ...] = ()
    # which one of a series, by its place: "second act", "第一列", "第二项"; a front that is only
    # this names nothing
    ordinal_parts: tuple[str, ...] = ()
    # words that pick which or how many of a kind, not what kind: "each", "no", "another",
    # "such"; sibling subjects that differ only by one ("Each process" / "No process") set no
    # kinds side by side
    determiners: tuple[str, ...] = ()
    # words that add a point to one made before: "also", "as well"; a statement with one leans
    # on the point it adds to ("Improper integrals are also hard")
    additives: tuple[str, ...] = ()
    # a count and the kind it counts: "2 parts", "Two approaches", "three key points"; a front
    # that is only this names nothing without its section ("Nervous system › 2 parts")
    counted_kinds: tuple[str, ...] = ()
    # how an example opens: "e.g.", "z. B.", "por ejemplo", "例如"; an example is no definition
    example_marks: tuple[str, ...] = ()
    # labels of an aspect of the section they sit in ("General Rule", "Principle", "Grundsatz"):
    # not terms, but "Negligence › General Rule" asks what the section says about it
    section_labels: tuple[str, ...] = ()
    # words that only label a section of a course or a study guide, alone or together with a
    # number and each other ("Chapter Summary", "Understanding check 6", "High-Yield Recap"), and
    # a question put to the reader ("What You Will Learn", "Why care?"): they name no subject
    section_label_words: tuple[str, ...] = ()
    # the label of a remark set beside the matter, a note's aside (`Note`, `Caution`, `Tip`,
    # `Example`, `注意`, `Hinweis`): a table row so named remarks on the rows above it, where a row
    # named by another label word (`Activity`, `References`, `Observation`) is one of the things
    # the table lists
    aside_labels: tuple[str, ...] = ()
    # the marks a true/false drill puts after a statement: "T", "F", "true", "vero", "falsch"
    verdicts: tuple[str, ...] = ()
    # a name given after its description, "…を**自然失業率**という" (Japanese): what marks the
    # description ("を") and what follows the name ("という")
    name_objects: tuple[str, ...] = ()
    namers: tuple[str, ...] = ()
    # ...and what comes before a bold name given after its description: "…称为**无穷小量**",
    # "… is called the **empty set**"
    naming_verbs: tuple[str, ...] = ()
    # ...or a participle after a comma: "…, a positively charged ion, called **X**", "…,
    # conocido como **X**"
    participles: tuple[str, ...] = ()
    # the naming verbs that give a name in plain words, no bold, where the name closes the
    # sentence: "Puzzles solved by reasoning alone are known as logic puzzles."; not those
    # that also judge ("is said to be pure")
    plain_naming_verbs: tuple[str, ...] = ()
    # a speaker naming the object of the verb by the name after it: "We call $n$ the **degree**
    # of the polynomial", "…, we call it a **one-to-one function**"
    calling_verbs: tuple[str, ...] = ()
    # a sentence that opens by framing the name it gives, its description after: the words
    # before the name and those that end it ("Unter X versteht man …": ("unter", "versteht
    # man")); with none after it ("On appelle **X** …") the name must be set in bold. Where
    # the description's own first word ends the name ("On appelle X une …") the closer is a
    # lookahead, so the answer keeps it
    naming_frames: tuple[tuple[str, str], ...] = ()
    # --- a bold term inside the sentence that defines it (the `definition` rule)
    # a bare copula right before a bold term: "is", "es", "ist"; with a condition word after the
    # term it defines on a condition: "A function is **bounded** if …", "es **semejante** a B si"
    linking_verbs: tuple[str, ...] = ()
    # the condition words of such a definition: "if", "si", "wenn", "caso"
    conditions: tuple[str, ...] = ()
    # what opens a clause describing the bold term right before it, after a comma: "which",
    # "where", "donde", "qui", "che", "der"; "One approach is **polling**, where …"
    appositives: tuple[str, ...] = ()
    # --- a defining sentence anywhere in a paragraph (the `sentence` rule)
    # what restricts the class a copula names to the subject: "that", "which", "in which",
    # "used to", "qui", "das", "che"; "A buffer is a substance that keeps …"
    relatives: tuple[str, ...] = ()
    # --- the `subject` rule (the note's opening sentence about its own title)
    # a heading that introduces the note rather than naming a part: "Introduction", "概述"; the
    # paragraph under it still opens the note
    intro_headings: tuple[str, ...] = ()
    # --- the `legend` rule (a symbol of a formula named in the prose around it)
    # what joins a symbol to its name: "$\mu$ is the coefficient of friction", "$k$ denotes the
    # spring constant", "$x$ est la position", "$\omega_n$ 为无阻尼固有频率"; Latin entries end
    # in an article or a naming verb, so "$x$ is positive" names nothing
    symbol_namers: tuple[str, ...] = ()
    # what opens a legend under a formula: "where", "wobei", "où", "其中"
    legend_openers: tuple[str, ...] = ()
    # namers that also make claims ("$X$ 是对称矩阵"): they name a symbol only in a legend, after
    # an opener or right after the formula in the same paragraph
    weak_namers: tuple[str, ...] = ()
    # how a claim about a symbol opens where a name would stand: "$t$ 为任意实数", "$x$ is any"
    legend_claims: tuple[str, ...] = ()
    # how a question ends when a text asks it of itself to go on talking, not to be answered as
    # a card: a chatty blog's "缺点是啥呢？", "这样做可以吗？" over its own next sentence
    rhetorical_ends: tuple[str, ...] = ()
    # the personal pronouns that stand as a verb's subject, lower case: a defining sentence's
    # subject never ends on one ("Mentally zoom out like you" + "are in a spaceship …": the
    # copula's subject is the pronoun, and the words before it a clause)
    subject_pronouns: tuple[str, ...] = ()
