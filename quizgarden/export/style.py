"""How quizgarden's cards look in Anki: note types' field and template names, templates, CSS.

Kept apart from the package writer so the look can change without touching identity: the model
ids in `anki.py` hash the model name, field names and template names (Anki's "schema"), not the
template text or CSS, so editing the text or CSS here updates the note types already in Anki,
while renaming a field or template makes a new note type.
"""

from __future__ import annotations

_SOURCE = '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
TEMPLATES: dict[str, tuple[str, tuple[str, ...], tuple[dict[str, str], ...]]] = {
    "basic": (
        "Basic (quizgarden)",
        ("Front", "Back", "Source", "Deck"),
        ({"name": "Card 1", "qfmt": "{{Front}}",
          "afmt": '{{FrontSide}}<hr id="answer">{{Back}}' + _SOURCE},),
    ),
    "reversed": (
        "Basic (and reversed) (quizgarden)",
        ("Front", "Back", "Source", "Deck"),
        ({"name": "Card 1", "qfmt": "{{Front}}",
          "afmt": '{{FrontSide}}<hr id="answer">{{Back}}' + _SOURCE},
         {"name": "Card 2", "qfmt": "{{Back}}",
          "afmt": '{{FrontSide}}<hr id="answer">{{Front}}' + _SOURCE}),
    ),
    "cloze": (
        "Cloze (quizgarden)",
        ("Text", "Extra", "Source", "Deck"),
        ({"name": "Cloze", "qfmt": "{{cloze:Text}}",
          "afmt": "{{cloze:Text}}{{#Extra}}<div class=\"extra\">{{Extra}}</div>{{/Extra}}"
          + _SOURCE},),
    ),
}  # fmt: skip

# Readable in light and night mode (Anki adds `.nightMode`), with CJK fonts in the stack so
# Chinese, Japanese and Korean text does not fall back to a mismatched system font.
CARD_CSS = """\
.card {
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "PingFang SC", "Hiragino Sans", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Source Han Sans SC", "Yu Gothic", "Meiryo", "Apple SD Gothic Neo",
    "Malgun Gothic", "Noto Sans CJK KR", sans-serif;
  font-size: 20px; line-height: 1.55; text-align: left;
  color: #1f2328; background-color: #ffffff;
  max-width: 40em; margin: 0 auto; padding: 0.5em 1em; overflow-wrap: anywhere;
}
.card.nightMode, .nightMode .card { color: #e6edf3; background-color: #1f2227; }
hr#answer { border: none; border-top: 1px solid #d0d7de; margin: 1em 0; }
.nightMode hr#answer { border-top-color: #3d444d; }
code, pre {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace;
  font-size: 0.85em; background: #f6f8fa; border-radius: 4px;
}
code { padding: 0.1em 0.3em; }
pre { padding: 0.7em 0.9em; overflow-x: auto; white-space: pre; line-height: 1.4; }
pre code { padding: 0; background: none; font-size: 1em; }
.nightMode code, .nightMode pre { background: #2d333b; color: #e6edf3; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #d0d7de; padding: 0.25em 0.6em; }
.nightMode th, .nightMode td { border-color: #3d444d; }
blockquote { margin: 0.5em 0; padding-left: 0.8em; border-left: 3px solid #d0d7de; color: #59636e; }
.nightMode blockquote { border-left-color: #3d444d; color: #9198a1; }
img { max-width: 100%; height: auto; }
a { color: #0969da; }
.nightMode a { color: #4493f8; }
.cloze { font-weight: bold; color: #0969da; }
.nightMode .cloze { color: #4493f8; }
.extra { margin-top: 1em; }
.source { margin-top: 1.5em; font-size: 0.65em; color: #6e7781; }
.nightMode .source { color: #9198a1; }
.source a { color: inherit; }
"""
