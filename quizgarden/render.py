"""Card text (Markdown with LaTeX, as written in the notes) -> the HTML an Anki field holds.

Why a module of its own: a field is HTML that Anki shows in a web view, so everything the learner
wrote must pass through one place that decides what becomes markup. markdown-it-py runs with raw
HTML switched off, so a `<script>` or an `onerror=` in a note arrives in Anki as visible text, and
its link validator drops `javascript:`/`vbscript:`/`file:` targets. Math is parsed before emphasis
(mdit-py-plugins dollarmath) so `$a_1 * b_2$` keeps its underscores, and leaves as `\\(...\\)` /
`\\[...\\]`, the delimiters Anki's MathJax reads. Cloze markup `{{cN::...}}` is plain text to
Markdown, so it survives intact.

Parsing costs ~70 µs a field, more than genanki spends writing a note, so the common shapes skip
the parser: plain prose (`_is_plain`), one line with only bold, code and math
(`_render_simple_line`), and fields made of such paragraphs, tight `- ` lists, ``` fences and
plain pipe tables set off by blank lines (`_render_simple_blocks`). Each shortcut answers None
when in doubt, and property tests check every answer it does give against the parser's output;
that keeps a 50,000-card export within 1.3x of genanki alone (bench/bench_export.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from markdown_it.common.utils import escapeHtml

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

#: Given the reference an image was written with (`img.png`, `sub/img.png`), return the `src`
#: to write into the field (the packed file's bare name), or None to keep the reference as is.
ImageResolver = Callable[[str], "str | None"]

IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif", ".tif", ".tiff"}
)

# One line, no character Markdown (or our math/wikilink rules) would act on, not a block start.
_INLINE_SPECIAL = r"\x00-\x1f\x7f`*_\[\]!<>&\\$~|"
_PLAIN = re.compile(rf"[^\s{_INLINE_SPECIAL}#+\-=]([^{_INLINE_SPECIAL}]*[^\s{_INLINE_SPECIAL}])?")
_ORDERED_START = re.compile(r"\d{1,9}[.)]")
_PLAIN_RUN = re.compile(rf"[^{_INLINE_SPECIAL}]+")
_SIMPLE_HINT = re.compile(r"[`*$]")
# The constructs `_render_simple_line` renders itself; edges kept where CommonMark's
# flanking rules and dollarmath's (no space inside, no digit outside) leave no doubt. Bold
# starts and ends on a letter or digit: `\w` also takes `_`, which CommonMark counts as
# punctuation (so `1**_**` is no emphasis) and which opens emphasis of its own (`**_a_**`).
_SIMPLE = re.compile(
    r"`(?P<code>[^`\s\x00-\x1f](?:[^`\x00-\x1f]*[^`\s\x00-\x1f])?)`(?!`)"
    r"|\*\*(?P<bold>[^\W_](?:[^\x00-\x1f`*_\[\]!<>&\\$~|]*[^\W_])?)\*\*(?!\*)"
    r"|(?<![\d$])\$\$(?P<display>[^$\x00-\x1f]*[^$\\\x00-\x1f])\$\$(?![\d$])"
    r"|(?<![\d$])\$(?P<math>[^$\s\\\x00-\x1f]|[^$\s\x00-\x1f][^$\x00-\x1f]*[^$\s\\\x00-\x1f])"
    r"\$(?![\d$])"
)
# A fence the block shortcut renders itself: three backticks and a plain language name.
_FENCE_OPEN = re.compile(r"```([A-Za-z0-9_+.#-]*)")
_TABLE_RULE = re.compile(r"\|(?: *:?-+:? *\|)+")
_ALIGN = {(False, False): "", (True, False): "left", (False, True): "right", (True, True): "center"}
_SIZE = re.compile(r"(\d+)(?:x(\d+))?")
_LATEX_END = {"(": "\\)", "[": "\\]"}


def to_anki_html(
    markdown_text: str, *, image: ImageResolver | None = None, raw_html: bool = False
) -> str:
    """Render one card field to Anki HTML: escaped text, Markdown markup, MathJax delimiters.

    `image` maps every image reference (`![](x.png)`, `![[x.png]]`, `![[x.png|300]]`) to the
    `src` to emit; the exporter uses it to pack files and point at their bare names.
    A single paragraph is unwrapped so a one-line field stays one line in Anki's editor.
    `raw_html` passes the note's own HTML through instead of escaping it: only for a caller
    that sanitises the result itself (the browser review, quizgarden/web/card_html.py).
    """
    if _is_plain(markdown_text):
        return escapeHtml(markdown_text)
    if "\n" in markdown_text:
        simple = _render_simple_blocks(markdown_text)
    else:
        simple = _render_simple_line(markdown_text)
    if simple is not None:
        return neutralise_tex(simple)
    md = _markdown(raw_html)
    env: dict[str, Any] = {"image": image}
    html = _unwrap(md.renderer.render(md.parse(markdown_text, env), md.options, env))
    return neutralise_tex(html)


def _is_plain(text: str) -> bool:
    """True when Markdown would emit `text` unchanged apart from HTML escaping."""
    return _PLAIN.fullmatch(text) is not None and _ORDERED_START.match(text) is None


def _render_simple_line(text: str) -> str | None:
    """One line of prose with only `**bold**`, `` `code` `` and `$math$` in it, rendered
    without the parser; None when the line holds anything else (then the parser decides)."""
    if "\n" in text or not _SIMPLE_HINT.search(text):
        return None
    parts: list[str] = []
    last = 0
    for match in _SIMPLE.finditer(text):
        before = text[last : match.start()]
        if before and _PLAIN_RUN.fullmatch(before) is None:
            return None
        parts.append(escapeHtml(before))
        code, bold, display, math = match.group("code", "bold", "display", "math")
        if code is not None:
            parts.append(f"<code>{escapeHtml(code)}</code>")
        elif bold is not None:
            parts.append(f"<strong>{escapeHtml(bold)}</strong>")
        else:
            start, end = match.span()
            # dollarmath's money test is `str.isdigit`, wider than `\d` (`²`, `٣`), and at the
            # very start it looks at `src[-1]`, the line's last character; `$$` opening a line
            # is a math block, not inline math.
            if text[start - 1].isdigit() or (end < len(text) and text[end].isdigit()):
                return None
            if display is not None:
                if start == 0:
                    return None
                parts.append(f"\\[{latex_for_mathjax(display)}\\]")
            else:
                parts.append(f"\\({latex_for_mathjax(math)}\\)")
        last = match.end()
    rest = text[last:]
    if rest and _PLAIN_RUN.fullmatch(rest) is None:
        return None
    if text != text.strip() or (
        text[0] not in "`*$"
        and (_PLAIN.fullmatch(text[0]) is None or _ORDERED_START.match(text) is not None)
    ):
        return None  # a block start, or edges the paragraph rule would trim
    return "".join(parts) + escapeHtml(rest)


def _render_simple_blocks(text: str) -> str | None:
    """Several lines made only of simple blocks, rendered without the parser: paragraphs of
    simple lines, tight `- ` lists of simple items, ```` ``` ```` code fences and plain pipe
    tables, each block set off by a blank line. None for anything else (the parser decides)."""
    if "\r" in text or "\x00" in text:
        return None
    lines = text.split("\n")
    count = len(lines)
    out: list[str] = []
    previous = ""
    i = 0
    while i < count:
        line = lines[i]
        if not line:
            i += 1
            continue
        if i and lines[i - 1]:
            return None  # a block right after a fence: keep the shortcut to blank-line breaks
        fence = _FENCE_OPEN.fullmatch(line)
        if fence is not None:
            end = i + 1
            while end < count and lines[end] != "```":
                if lines[end].lstrip(" ").startswith("```"):
                    return None  # a longer or indented fence line: closing rules get subtle
                end += 1
            if end == count:
                return None  # an unclosed fence runs to the end: leave it to the parser
            body = escapeHtml("".join(code + "\n" for code in lines[i + 1 : end]))
            language = fence.group(1)
            attrs = f' class="language-{escapeHtml(language)}"' if language else ""
            out.append(f"<pre><code{attrs}>{body}</code></pre>\n")
            previous, i = "fence", end + 1
            continue
        if line[0] == "|":
            end = i
            while end < count and lines[end]:
                end += 1
            table = _render_simple_table(lines[i:end])
            if table is None:
                return None
            out.append(table)
            previous, i = "table", end
            continue
        is_list = line.startswith("- ")
        if is_list and previous == "list":
            return None  # two lists parted by a blank line are one loose list
        parts: list[str] = []
        while i < count and lines[i]:
            if is_list != lines[i].startswith("- "):
                return None  # a list interrupting a paragraph, or a lazy continuation line
            rendered = _render_line(lines[i][2:] if is_list else lines[i])
            if rendered is None:
                return None
            parts.append(rendered)
            i += 1
        if not is_list and parts[0].startswith("\\(") and lines[i - 1][-1].isdigit():
            return None  # dollarmath's `src[-1]` is the paragraph's last character
        if is_list:
            out.append("<ul>\n" + "".join(f"<li>{part}</li>\n" for part in parts) + "</ul>\n")
        else:  # `breaks`: each newline inside a paragraph is a line break
            out.append("<p>" + "<br />\n".join(parts) + "</p>\n")
        previous = "list" if is_list else "paragraph"
    return _unwrap("".join(out))


def _render_simple_table(rows: list[str]) -> str | None:
    """A pipe table whose rows all start and end with `|` and have the header's cell count,
    with simple cells and no backslash; None otherwise."""
    if len(rows) < 2 or _TABLE_RULE.fullmatch(rows[1]) is None:
        return None
    rule = [cell.strip(" ") for cell in rows[1][1:-1].split("|")]
    aligns = [_ALIGN[cell[0] == ":", cell[-1] == ":"] for cell in rule]
    starts = [f'<{{tag}} style="text-align:{align}">' if align else "<{tag}>" for align in aligns]
    html = ["<table>\n<thead>\n"]
    for number, row in enumerate(rows):
        if number == 1:
            continue
        if len(row) < 2 or row[0] != "|" or row[-1] != "|" or "\\" in row:
            return None
        cells = row[1:-1].split("|")
        if len(cells) != len(aligns):
            return None
        tag = "th" if number == 0 else "td"
        html.append("<tr>\n")
        for start, cell in zip(starts, cells, strict=True):
            cell = cell.strip(" \t")
            rendered = _render_line(cell) if cell else ""
            if rendered is None:
                return None
            html.append(f"{start.format(tag=tag)}{rendered}</{tag}>\n")
        html.append("</tr>\n</thead>\n" if number == 0 else "</tr>\n")
        if number == 0 and len(rows) > 2:
            html.append("<tbody>\n")
    html.append("</tbody>\n</table>\n" if len(rows) > 2 else "</table>\n")
    return "".join(html)


def _render_line(line: str) -> str | None:
    """One line of a paragraph or list item, if a shortcut covers it."""
    if _is_plain(line):
        return escapeHtml(line)
    return _render_simple_line(line)


def _unwrap(html: str) -> str:
    """A single paragraph loses its `<p>`, so a one-line field stays one line in Anki."""
    if html.startswith("<p>") and html.endswith("</p>\n") and html.count("<p>") == 1:
        return html[3:-5]
    return html.rstrip("\n")


# MathJax commands that reach outside the formula: links (`\href`), CSS and HTML attributes
# (`\style`, `\class`, `\cssId`, the `html` and `dataAttributes` extensions), arbitrary
# characters and fonts (`\unicode`), loading code (`\require`), building command names
# (`\csname`) and raw MathML tokens (`\mmlToken`).
_TEX_COMMAND = re.compile(r"\\(?:([A-Za-z]+)|.)", re.S)
_TEX_KEEP_BODY = frozenset(
    {"href", "style", "class", "cssId", "htmlClass", "htmlStyle", "htmlId", "htmlData", "data"}
)
_TEX_DROP = frozenset({"unicode", "require", "mmlToken", "csname"})
_SAFE_HREF = re.compile(r"\s*https?://", re.I)
_MAX_OPTION = 200  # `\unicode[font]`: an option longer than this is not one


def neutralise_tex(html: str) -> str:
    """`html` with every MathJax command that reaches outside the formula taken out, so a note
    cannot make a card run a link, style the page or load code in Anki.

    Applied to the whole field, not only to math: Anki's MathJax typesets any `\\(...\\)`,
    `\\[...\\]` or `\\begin{...}` in the field's text, and a Markdown escape (`\\\\(`) can
    produce those outside what was parsed as math. `\\href{https://...}{x}` stays; any other
    `\\href`, `\\style`, `\\class`, `\\cssId`, `\\htmlClass`/`Style`/`Id`/`Data` and `\\data`
    lose the command and its first argument, keeping the formula they wrapped; `\\unicode`,
    `\\require`, `\\mmlToken` and `\\csname` go with their arguments. One pass, linear time.
    """
    if "\\" not in html:
        return html
    out: list[str] = []
    last = pos = 0
    closing: dict[int, int] | None = None  # `{` index -> index after its `}`, built on demand
    while (match := _TEX_COMMAND.search(html, pos)) is not None:
        name = match.group(1)
        pos = match.end()
        if name not in _TEX_KEEP_BODY and name not in _TEX_DROP:
            continue
        if closing is None:
            closing = _brace_pairs(html)
        start = _skip_space(html, pos)
        if name in _TEX_DROP:
            end = start
            if html.startswith("[", start):
                option_end = html.find("]", start, start + _MAX_OPTION)
                end = start if option_end < 0 else _skip_space(html, option_end + 1)
            end = closing.get(end, end)
        else:
            end = closing.get(start, start)
            if name == "href" and end > start and _SAFE_HREF.match(html, start + 1, end):
                continue  # an http(s) link is kept (its argument is still scanned)
        out.append(html[last : match.start()])
        last = pos = max(end, pos)
    out.append(html[last:])
    return "".join(out)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _brace_pairs(text: str) -> dict[int, int]:
    """For each `{` that is closed, the index just after its `}` (escaped braces ignored); an
    unclosed group is absent, so only the command before it is taken out. One pass."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "{":
            stack.append(index)
        elif char == "}" and stack:
            pairs[stack.pop()] = index + 1
        index += 1
    return pairs


def latex_for_mathjax(tex: str) -> str:
    """LaTeX as it may sit in an Anki field: HTML-escaped, and `}}` split so a cloze
    deletion around the formula is not closed early (Anki's own advice; TeX ignores the space)."""
    escaped = escapeHtml(tex)
    while "}}" in escaped:
        escaped = escaped.replace("}}", "} }")
    return escaped


@cache
def _markdown(raw_html: bool = False) -> MarkdownIt:
    """The one parser: CommonMark + tables + strikethrough, raw HTML off, dollar math on.

    `raw_html` turns raw HTML on, for the browser review, which sanitises what comes out.
    """
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    # `breaks`: a single newline is a line break, as in Obsidian's default reading view.
    md = MarkdownIt(
        "commonmark", {"html": raw_html, "linkify": False, "typographer": False, "breaks": True}
    )
    md.enable(["table", "strikethrough"])
    # Obsidian's rules: no space inside the dollars, and `$5 and $6` is money, not math.
    dollarmath_plugin(
        md, allow_labels=False, allow_space=False, allow_digits=False, double_inline=True
    )
    md.inline.ruler.before("escape", "latex_delimited", _latex_delimited)
    md.inline.ruler.before("image", "wiki_embed", _wiki_embed)
    md.inline.ruler.before("link", "wiki_link", _wiki_link)
    md.add_render_rule("math_inline", _render_math_inline)
    md.add_render_rule("math_inline_double", _render_math_display)
    md.add_render_rule("math_block", _render_math_block)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("wiki_embed", _render_wiki_embed)
    return md


def _latex_delimited(state: StateInline, silent: bool) -> bool:
    """`\\(...\\)` and `\\[...\\]` already in Anki's form: keep them, backslashes included
    (CommonMark would otherwise read `\\(` as an escaped parenthesis)."""
    src, pos = state.src, state.pos
    if src[pos] != "\\" or pos + 1 >= state.posMax or src[pos + 1] not in _LATEX_END:
        return False
    end = src.find(_LATEX_END[src[pos + 1]], pos + 2, state.posMax)
    if end < 0:
        return False
    if not silent:
        kind = "math_inline" if src[pos + 1] == "(" else "math_inline_double"
        token = state.push(kind, "math", 0)
        token.content = src[pos + 2 : end]
        token.markup = src[pos : pos + 2]
    state.pos = end + 2
    return True


def _wiki_embed(state: StateInline, silent: bool) -> bool:
    """Obsidian embeds: `![[img.png]]`, `![[img.png|300]]`, `![[Other note]]`."""
    src, pos = state.src, state.pos
    if not src.startswith("![[", pos):
        return False
    end = src.find("]]", pos + 3, state.posMax)
    if end < 0 or "\n" in src[pos:end]:
        return False
    if not silent:
        target, _, option = src[pos + 3 : end].partition("|")
        token = state.push("wiki_embed", "img", 0)
        token.content = target.strip()
        token.meta = {"option": option.strip()}
    state.pos = end + 2
    return True


def _wiki_link(state: StateInline, silent: bool) -> bool:
    """`[[Note]]` / `[[Note|alias]]` left in card text: show the alias (or the note name)."""
    src, pos = state.src, state.pos
    if not src.startswith("[[", pos):
        return False
    end = src.find("]]", pos + 2, state.posMax)
    if end < 0 or "\n" in src[pos:end]:
        return False
    if not silent:
        target, _, alias = src[pos + 2 : end].partition("|")
        token = state.push("text", "", 0)
        token.content = (alias or target.split("#")[0] or target).strip()
    state.pos = end + 2
    return True


def _render_math_inline(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    return "\\(" + latex_for_mathjax(tokens[idx].content) + "\\)"


def _render_math_display(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    return "\\[" + latex_for_mathjax(tokens[idx].content) + "\\]"


def _render_math_block(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "<div>\\[" + latex_for_mathjax(tokens[idx].content.strip()) + "\\]</div>\n"


def _image_src(ref: str, env: Any) -> str:
    resolver = env.get("image") if isinstance(env, dict) else None
    if resolver is None:
        return ref
    resolved = resolver(ref)
    return ref if resolved is None else resolved


def _render_image(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    src = _image_src(unquote(str(token.attrGet("src") or "")), env)
    alt = self.renderInlineAsText(token.children or [], options, env)
    size = ""
    if "|" in alt:  # Obsidian's `![caption|300](img.png)` sizing
        caption, _, option = alt.rpartition("|")
        if _SIZE.fullmatch(option.strip()):
            alt, size = caption, _size_attrs(option.strip())
    title = token.attrGet("title")
    title_attr = f' title="{escapeHtml(str(title))}"' if title else ""
    return f'<img src="{escapeHtml(src)}" alt="{escapeHtml(alt)}"{size}{title_attr}>'


def _render_wiki_embed(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    target = token.content
    suffix = target[target.rfind(".") :].lower() if "." in target else ""
    if suffix not in IMAGE_SUFFIXES:
        return escapeHtml(target.split("#")[0])  # a transcluded note: name it, do not inline it
    src = _image_src(target, env)
    return f'<img src="{escapeHtml(src)}" alt=""{_size_attrs(token.meta.get("option", ""))}>'


def _size_attrs(option: str) -> str:
    match = _SIZE.fullmatch(option)
    if not match:
        return ""
    width, height = match.groups()
    return f' width="{width}"' + (f' height="{height}"' if height else "")


def image_refs(markdown_text: str) -> list[str]:
    """Every image reference in `markdown_text`, in order, as written (URL-decoded)."""
    found: list[str] = []
    if _is_plain(markdown_text):
        return found

    def collect(ref: str) -> None:
        found.append(ref)

    to_anki_html(markdown_text, image=lambda ref: collect(ref))
    return found
