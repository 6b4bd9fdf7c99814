"""Small judgements about text that several rules share: is this a term, prose, a link, code?

Each predicate errs towards "no": a missed card costs a learner less than a junk one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from ..scanning import SHORT, delimited_sub, skipping_sub

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’+\-]*")
_URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")  # a title may hold ( )
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_EMPHASIS = re.compile(r"(\*\*|\*|==|~~)(?=\S)(.+?)(?<=\S)\1")
# CommonMark: an underscore inside a word (num_layers) is not emphasis
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![^\W_])(__|_)(?=\S)(.+?)(?<=\S)\1(?![^\W_])")
_MATH = re.compile(r"\$\$?[^$]+?\$\$?")
_MARKUP_CHARS = re.compile(r"[*_=~]")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_PARENS = re.compile(r"[（(][^（）()]*[）)]")
_NUMBERING = re.compile(
    r"^\s*(?:[（(]?[0-9]{1,2}(?:[.\-][0-9]{1,2})*[.、)）]?|[一二三四五六七八九十]{1,3}[、.．]"
    r"|第[一二三四五六七八九十0-9]+[章节部分篇]|[IVX]{1,4}\.|[A-Za-z][.)])[\s\u00a0\u3000]*"
)
_TEMPLATE = re.compile(r"\{\{?\s*[A-Za-z_]\w*\s*\}\}?|\$\{\w+\}|<[A-Za-z_]+>")
_CODE_HINTS = re.compile(
    r"[;{}]\s*$|^\s*(?:import|from|def|class|return|public|private|var|let|const|function)\s"
    r"|^\s*@\w+\(|=>|->\s*\w+\(|\w+\(\)|\b\w+\.\w+\(|==|!=|\+\+|&&|\|\||^\s*[#/]{2}"
    r"|^\s*(?:\(\w+\)\s*)?[\w.-]+@[\w.-]+:\S*\$"  # a shell prompt: (env) user@host:~/dir$
)
#: A log line's level, not a term: "INFO: loaded", "CRITICAL FIX: ..."
LOG_LEVEL = re.compile(r"^(?:INFO|WARNING|WARN|ERROR|DEBUG|CRITICAL|FATAL|TRACE|NOTE|TODO|FIXME)\b")
_SENTENCE_END = re.compile(r"[。！？!?…．.;；]\s*$")
_FIRST_PERSON = re.compile(r"我|我们|咱们|笔者|\b(?:I|I'm|I've|my|we|We|our)\b")

#: Headings that organise a text rather than name something to learn.
STRUCTURAL_WORDS = re.compile(
    r"^(?:参考文献|参考资料|参考链接|参考|引用|引言|前言|绪论|导论|导言|序言|后记|致谢|简介|介绍|概述|概要|总结|小结|结语|结论|附录|目录"
    r"|简述|摘要|综述"
    r"|相关文章|相关阅读|推荐阅读|延伸阅读|扩展阅读|更多|链接|资源|资料|代码|代码实现|实现|示例|例子|练习|作业"
    r"|安装|环境配置|配置|使用方法|用法|背景|动机|问题|答案|笔记|备注|注意|待办|TODO|FAQ|Q&A"
    r"|references?|bibliography|citations?|introduction|intro|overview|summary|conclusions?|appendix"
    r"|contents|table of contents|toc|related(?: \w+)?|see also|further reading|resources|links?"
    r"|code|implementation|examples?|exercises?|homework|installation|setup|usage|background"
    r"|motivation|notes?|todo|outline|preface|abstract|results?|experiments?|discussion"
    r"|solutions?|problems?|methods?|approach|ideas?|key ideas?|contributions?|limitations?"
    r"|思路|贡献|局限|局限性|优点|缺点|优缺点|特点|方案|解决方案|测试|准备工作|参数|综合排名)$",
    re.I,
)
#: Words after which a heading is a topic label ("训练流程", "模型对比"), not a term.
TOPIC_SUFFIX = re.compile(
    r"(?:流程|步骤|方法|方式|介绍|概述|对比|比较|分析|实验|应用|探索|优化|改造|引入|实践|实战|实现|总结"
    r"|小结|指南|教程|记录|笔记|思考|问题|汇总|整理|梳理|配置|训练|评估|部署|使用|详解|解析|入门"
    r"|性能|效果|结果|表现|现状|排名|测试|案例|下载|安装"
    r"|comparison|analysis|experiments?|tutorial|guide|walkthrough|overview|notes|setup"
    r"|说明|建议|注意|注意事项|包含什么|procedure|download|installation|use cases?)$",
    re.I,
)
#: Labels that carry a link or a value, never knowledge: "原始论文：<url>", "Code:".
LABEL_WORDS = re.compile(
    r"^(?:原始?论文|论文(?:地址|链接)?|原文|博客|平替博客|代码|源码|项目|项目地址|地址|链接|网址|官网|主页|来源"
    r"|出处|作者|日期|时间|更新|更新时间|创建时间|发布时间|标签|分类|类别|关键词|版本|版权|许可|声明|视频|课程"
    r"|数据集|下载|当前位置|名称|论文名称|论文标题|标题|位置|首页|问题|答案|答|问|输入|输出|示例|例如|比如|注意|注|提示|备注|说明|公式"
    r"|公式如下|如下|如|即|结果|步骤|方法|目标|要求|任务|题目|解答|解析|思路|总结|小结|原因|用途|作用"
    r"|paper|arxiv|code|github|repo|link|url|source|website|blog|video|slides|dataset|author|date"
    r"|time|tags?|category|categories|version|license|title|note|notes|see|e\.?g|i\.?e|example|input"
    r"|output|question|answer|q|a|result|results|step|task|goal|todo|status|type|name|id|what|why|how"
    r"|when|where|who|pros|cons|tip|warning|important|update|edit|ref|reference|refs|reading|readings"
    r"|lecture|lectures|proof|证明|省流|回顾|原理|核心思想|核心指标|计算方式|类型|文件|功能|状态|操作记录|摘自"
    r"|文章摘自|代表性作者|左图|右图|上图|下图|图中|表中|use case|pros and cons|效果|对比指标"
    r"|核心问题|实践说明)$",
    re.I,
)
_TERM_BAD_START = re.compile(
    r"^(?:其|这|那|该|此|本|我|你|他|它|如果|因为|所以|但是|然后|首先|其次|最后|另外|以|根据|一些|注意|对于|通过"
    r"|关于|按照|由于|例如|比如|第[一二三四五六七八九十\d]+步|答案|问题\s*\d)"
    r"|^(?:answer|solution)s? to\b|^(?:question|problem|exercise)\s*\d"
    r"|^step\s*\d"
    r"|^(?:this|that|these|those|it|if|because|so|but|then|first|also|here|there|from|in|on|for"
    r"|with|to|as|at|by|after|before|when|while|since|although|however|we|you|they)\b",
    re.I,
)
# a clause, not a name: "主要来自两个地方", "需要注意", "LoRA is robust"
_VERBISH = re.compile(
    r"可以|需要|应该|应当|主要|进行|来自|我们|如何|怎么|是否|一下|就是|不是|没有|为了|因为|所以|有一个|相当于"
    r"|无法|不能|不保证"
    r"|\b(?:is|are|was|were|has|have|can|will|should|does|do)\b"
)
_ORDINAL_LABEL = re.compile(
    r"^(?:第[一二三四五六七八九十\d]+(?:部分|[篇章节步个点条种])|(?:目标|方法|步骤|原因|优点|缺点|问题|方案|阶段|例子|示例|模式|方式|情况|场景|版本"
    r"|类型|步|例|例题|习题|引理|定理|命题|推论|定义|性质|注|图|表"
    r"|step|method|reason|stage|example|case|option|proof sketch"
    r"|type|v|lemma|theorem|proposition|corollary|definition|figure|fig\.?|table|eq\.?|claim|remark"
    r"|property|proof|intuition)\s*[一二三四五六七八九十\d.]*[a-z]?)$",
    re.I,
)
# an instruction, not a name: "设定初始参数", "Draw a Sample" (a step of a procedure)
_ACTION = re.compile(
    r"^(?:收集|设定|设置|计算|执行|返回|调整|增加|添加|删除|修改|使用|选择|构建|创建|准备|加载|读取|保存|运行|安装"
    r"|导入|获取|更新|检查|判断|确定|编写|打开|调用|初始化)(?![式性器的率量图法机点时值集数复])\S"
    r"|^(?:draw|take|use|train|compute|calculate|add|run|install|load|save|create|build|set|get|check"
    r"|make|write|read|select|choose|update|remove|delete|open|call|apply|define|initialize|prepare"
    r"|collect|download|split|evaluate|fit)\b(?!-)",
    re.I,
)
_FILE_NAME = re.compile(
    r"\.(?:md|py|txt|json|ya?ml|csv|tsv|h5ad|h5|pt|pth|bin|sh|ipynb|pdf|png|jpe?g)$", re.I
)
_TERM_BAD_END = re.compile(
    r"(?:为|是|有|于|包括|包含|如下|以下|即|指|在于|的|了|时|后|中|得|例如|比如|等|就|也|都|还|才"
    r"|的\S{0,4}定义)$"
    r"|\b(?:as|of|to|for|with|like|by|from|the|an?|and|or|is|are)$",
    re.I,
)


_LINK_TARGET = re.compile(r"(?<!!)\[([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_LABEL_END = re.compile(r"[\]\n]")


def _links_sub(pattern: re.Pattern[str], repl: str, text: str) -> str:
    """`pattern.sub` for the link patterns above, linear however many `[` a line holds."""
    if pattern is _LINK_TARGET:
        return skipping_sub(pattern, repl, text, "[", _LABEL_END, local=_not_after_bang)
    return skipping_sub(pattern, repl, text, "[", _LABEL_END, bang=True)


def _not_after_bang(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] != "!"


def without_link_targets(text: str) -> str:
    """ "[**GemmBatchedEx**](https://...)" as its words: where a link points is not knowledge."""
    return _links_sub(_LINK_TARGET, r"\1", text) if "](" in text else text


_LOCAL_LINK = re.compile(r"\[[^\]\n]*\]\((?!#wikilink\))(?!\w+://)[^()\n]*\)")


def is_local_link(text: str) -> bool:
    """One link to a file or a heading of this vault: a table-of-contents entry, not a term."""
    return _LOCAL_LINK.fullmatch(text.strip()) is not None


@lru_cache(maxsize=8192)
def strip_markup(text: str) -> str:
    """Plain reading text: links to their words, emphasis and inline code marks removed."""
    if "](" in text:
        text = _links_sub(_MD_LINK, r"\1", text)
    if "`" in text:
        text = _INLINE_CODE.sub(r"\2", text)
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    if _MARKUP_CHARS.search(text):
        text = _outside_math(text, _unemphasize)
    return text.replace("\u00a0", " ").strip()


def _unemphasize(text: str) -> str:
    for _ in range(2):  # twice, for "***both***"; a pass that changed nothing ends it early
        before = text
        if len(text) <= SHORT:
            if "*" in text or "==" in text or "~~" in text:  # a delimiter `_EMPHASIS` needs
                text = _EMPHASIS.sub(r"\2", text)
            if "_" in text:
                text = _UNDERSCORE_EMPHASIS.sub(r"\2", text)
        else:  # the same, without scanning to the end of the line from every unclosed `*`
            text = delimited_sub(text, ("**", "*", "==", "~~"))
            text = delimited_sub(text, ("__", "_"), word_bounded=True)
        if text == before:
            break
    return text


def _outside_math(text: str, change: Callable[[str], str]) -> str:
    """Apply `change` to the text between `$...$` spans: `_` and `*` in LaTeX are not Markdown."""
    if "$" not in text:
        return change(text)
    out: list[str] = []
    last = 0
    for m in _MATH.finditer(text):
        out += [change(text[last : m.start()]), m.group()]
        last = m.end()
    out.append(change(text[last:]))
    return "".join(out)


_QA_PREFIX = re.compile(r"^(?:QA|Q|问题|问|面试题)\s*[:：]\s*", re.I)
_DECORATION = re.compile(r"^[^\w\s$\\(（\[]+\s*")


@lru_cache(maxsize=4096)
def strip_numbering(text: str) -> str:
    """ "2.1 注意力机制" -> "注意力机制"; also drops wrapping `**`, `Q:` and trailing `#`s."""
    text = text.strip().strip("*_ ").rstrip("#").strip()
    text = _NUMBERING.sub("", text, count=1).strip().strip("*_ ").strip()
    return _QA_PREFIX.sub("", text).strip()


def is_decorated(text: str) -> bool:
    """Starts with an emoji or symbol: a section label ("📘 今日学习总结"), not a term."""
    return _DECORATION.match(text.strip().lstrip("？?")) is not None


@lru_cache(maxsize=4096)
def units(text: str) -> int:
    """Length in reading units: a CJK character or a Latin word each count one."""
    cjk = 0 if text.isascii() else len(_CJK_CHAR.findall(text))  # CJK is never ASCII
    return cjk + len(_WORD.findall(text))


@lru_cache(maxsize=2048)
def has_cjk(text: str) -> bool:
    return not text.isascii() and _CJK_CHAR.search(text) is not None


@lru_cache(maxsize=2048)
def without_urls(text: str) -> str:
    return _URL.sub("", _links_sub(_MD_LINK, r"\1", text))


@lru_cache(maxsize=1024)
def without_links(text: str) -> str:
    """Text with its links and URLs taken out, words and all: what is left besides them."""
    return _URL.sub("", _links_sub(_MD_LINK, "", text))


@lru_cache(maxsize=4096)
def is_link_only(text: str) -> bool:
    """Nothing left once links, URLs and punctuation are taken out."""
    if "](" not in text and "://" not in text and "www." not in text:
        return units(text) == 0
    rest = without_urls(text)
    return (
        units(re.sub(r"[\s\W_]+", " ", rest)) == 0 or _links_sub(_MD_LINK, "", text).strip() == ""
    )


@lru_cache(maxsize=2048)
def looks_like_code(text: str) -> bool:
    """Code or a template: `f(x);`, `import x`, `{question}`. LaTeX in `$...$` is not code."""
    if "$" in text:
        text = _MATH.sub(" ", text)
    return _CODE_HINTS.search(text) is not None or _TEMPLATE.search(text) is not None


def is_mostly_code(text: str) -> bool:
    """More than half of the lines read as code: a snippet, not an answer."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return sum(looks_like_code(ln) for ln in lines) * 2 > len(lines)


def is_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


def is_first_person(text: str) -> bool:
    return _FIRST_PERSON.search(text) is not None


_ADDRESS = re.compile(r"\w@(?:[A-Za-z]+\d|[\w-]+\.\w)")


def is_term(text: str, *, max_units: int = 10) -> bool:
    """A name, not a sentence: short, no sentence punctuation, not a label or a pronoun."""
    plain = unicodedata.normalize("NFKC", strip_markup(text)).strip()
    core = _PARENS.sub("", plain).strip() or plain
    if len(core) <= 1 or len(core) > 60 or units(core) == 0 or units(core) > max_units:
        return False
    if re.search(r"[。！？!?，,；;：:、\"“”《》<>|=$\\&\[\]]|\.\s", core) or core.endswith(
        (".", "…")
    ):
        return False
    if _ORDINAL_LABEL.match(core) and not (_STATEMENT.match(core) and _names_something(plain)):
        return False  # "Lemma 2", "定理 5.1"; but "定理 5.1 (可逆矩阵与行列式)" names something
    if is_decorated(core) or "*" in core or _VERBISH.search(core):
        return False
    if _ACTION.match(core):
        return False
    if "_" in core or core.endswith("/") or _FILE_NAME.search(core) or _ADDRESS.search(core):
        return False  # an identifier, a folder, a file name, user@host or an e-mail address
    if plain.count("（") != plain.count("）") or plain.count("(") != plain.count(")"):
        return False  # cut out of a longer phrase
    if units(core) == 1 and has_cjk(core) and len(core) == 1:
        return False
    if re.fullmatch(r"[\d\s.%/\-+]+[A-Za-z]{0,2}", core):
        return False
    if LABEL_WORDS.match(core) or STRUCTURAL_WORDS.match(core) or LOG_LEVEL.match(core):
        return False
    if _TERM_BAD_START.match(core):
        return False
    return _TERM_BAD_END.search(core) is None


_ROMAN = re.compile(r"^[ivx]+$", re.I)
_STATEMENT = re.compile(
    r"^(?:引理|定理|命题|推论|定义|性质|lemma|theorem|proposition|corollary|definition|claim|property)",
    re.I,
)


def _names_something(text: str) -> bool:
    """A parenthesis that names the labelled thing: "(Closure)", "(秩)"; not "(a)" or "(ii)"."""
    for group in _PARENS.findall(text):
        if has_cjk(group):
            return True
        if any(len(w) >= 3 and not _ROMAN.match(w) for w in re.findall(r"[A-Za-z]+", group)):
            return True
    return False


_EXAMPLE_HEADING = re.compile(
    r"(?:例|例题|习题|练习|实例|示例|举例|例子|案例|场景)\s*(?:[\d.]+[a-z]?)?$"
    r"|^(?:例题|习题|练习|实例|示例|举例|例子|案例)"
    r"|^(?:worked )?(?:examples?|exercises?)\b|\b(?:an? )?example\s*[\d.]*$",
    re.I,
)


@lru_cache(maxsize=1024)
def is_example_heading(heading: str) -> bool:
    """ "例 2", "场景举例", "Worked example": what follows illustrates, it does not define."""
    return _EXAMPLE_HEADING.search(strip_numbering(strip_markup(heading)).strip()) is not None


_VALUE_START = re.compile(
    r"^(?:[≈~<>≤≥]|约|大约|可达|达到|about|around|approximately|roughly|up to|over)?\s*\d", re.I
)


def is_value(text: str) -> bool:
    """ "1.5h on 32 V100 GPUs", "≈60%（采样）": a measurement, nothing to understand."""
    plain = _PARENS.sub("", strip_markup(text)).strip()
    return _VALUE_START.match(plain) is not None and units(plain) <= 6  # numbers are not units


def is_title(text: str) -> bool:
    """ "Your Language Model is Secretly a Reward Model": a title, which explains nothing."""
    plain = strip_markup(text).strip()
    if has_cjk(plain) or plain.endswith((".", "。", ":", ";")):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", plain) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_PATH = re.compile(r"[A-Za-z0-9_.~-]*(?:/[A-Za-z0-9_.~-]+)+/?|[A-Za-z0-9_~-]+\.[A-Za-z0-9]{1,5}")
# "设 X 服从正态分布, 则": the statement goes on in the formula below
_ANNOUNCES = re.compile(
    r"(?:则|有|如下|满足|可得|得到|\b(?:then|we have|as follows))\s*[,，]?$", re.I
)


_NAME_SIGNAL = re.compile(r"[A-Z][^A-Z]*[A-Z]|[a-z][A-Z]|\d|[A-Za-z][-/][A-Za-z]")


def is_distinctive(term: str) -> bool:
    """A name that says on its own what it is ("LoRA", "t-SNE", "梯度消失问题", "Mean Absolute
    Error"), unlike a common word or two ("Sample", "More Data", "传统", "正样本") that needs its
    section to mean anything."""
    plain = strip_markup(term)
    if _PARENS.search(plain):
        return True  # "困惑度 (Perplexity)": an alias pins it down
    if _NAME_SIGNAL.search(plain):
        return True  # acronyms, CamelCase, versions, hyphenated names
    cjk = len(_CJK_CHAR.findall(plain))
    if cjk:
        return cjk >= 4 or _WORD.search(plain) is not None
    return len(_WORD.findall(plain)) >= 3


def is_enumeration(text: str) -> bool:
    """ "损失函数、激活函数；学习率": a list of names, nothing said about them."""
    plain = _PARENS.sub("", strip_markup(text))
    parts = [p.strip() for p in re.split(r"[、；;，,/]", plain) if p.strip()]
    return len(parts) >= 3 and all(units(p) <= 6 for p in parts) and not is_sentence(text)


_INSTRUCTION = re.compile(
    r"^\W*(?:if (?:yes|no|not|so|this)\b|如果是|若是|如果否|若否|是则|否则)", re.I
)
ANSWER_MARK = re.compile(r"^\s*(?:答|回答|解答|A|Answer)\s*[:：]\s*", re.I)


def is_instruction(text: str) -> bool:
    """ "If yes, code as such": a branch of a checklist, not an answer to learn."""
    return _INSTRUCTION.match(strip_markup(text)) is not None


#: Fronts that say nothing without the section they sit in: "不同点", "Challenges".
GENERIC_FRONT = re.compile(
    r"^(?:不同点|相同点|区别|联系|共同点|优势|劣势|优点|缺点|特点|特性|作用|意义|目的|用途|影响|挑战|局限|局限性"
    r"|输入|输出|输入数据|输出数据|数据|模型|参数|损失函数|目标函数|初始化|训练|推理|实现|结构|思想|核心|关键"
    r"|advantages?|disadvantages?|limitations?|challenges?|trade-?offs?|evaluation|inputs?|outputs?"
    r"|主要思路|思路|基本思想|核心思想|主要思想|基本思路|核心思路|原因|关键原因|意义|物理意义|数学意义"
    r"|数学上的意义|直观理解|直观解释|最终|结论|概念|适用场景|启示"
    r"|定义|含义|目标|facts?|remarks?|why it matters|my take|purpose|definition|meaning"
    r"|goals?|ideas?|(?:key|basic|main|core|general) ideas?|intuition|motivation|structure"
    r"|training|inference|loss|objective|benefits?"
    r"|drawbacks?|strengths?|weaknesses?)$",
    re.I,
)


@lru_cache(maxsize=1024)
def is_explanation(text: str, *, min_units: int = 4, long: bool = False) -> bool:
    """Enough said to learn from: words, not a link, a value, a list of names or a question."""
    if is_link_only(text):
        return False
    plain = strip_markup(without_urls(text)).strip()
    if units(_INLINE_CODE.sub(" ", without_urls(text))) < min_units or plain.endswith((":", "：")):
        return False  # paths, identifiers and values in `code` are not an explanation
    if long:  # a whole answer: lists of names and "a > b" in math are fine there
        only_a_question = "\n" not in plain and plain.endswith(("?", "？"))
        return not only_a_question and not is_mostly_code(plain)
    if plain.endswith(("?", "？")) or looks_like_code(plain) or is_enumeration(plain):
        return False
    if is_value(plain) or is_title(plain) or _ANNOUNCES.search(plain):
        return False
    if _PATH.fullmatch(plain):
        return False  # "data_raw/k562_standardized.h5ad": where a file is, not what a thing is
    if re.search(r"\S\s*>\s*\S+\s*>", plain):  # breadcrumb: 首页 > news > 正文
        return False
    return not (has_cjk(plain) is False and len(_WORD.findall(plain)) < 3)
