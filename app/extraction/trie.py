"""Regular expressions for long lists of words, built as a trie so matching stays fast."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A pattern matching any of `words`, longest first, shared prefixes factored out.

    A plain alternation of hundreds of words makes the engine try every word at every
    position; a trie tries each prefix once.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _pattern(trie)


def whole_words(words: Iterable[str]) -> str:
    """A pattern matching any of `words` as whole words.

    It looks at the first letter before anything else, so the engine passes quickly over
    places where none of the words can start.
    """
    words = list(words)
    if not words:
        return r"(?!)"  # nothing to match
    initials = "".join(sorted({re.escape(word[0]) for word in words}))
    return rf"(?=[{initials}])\b(?:{trie_pattern(words)})\b"


def _pattern(node: dict[str, dict]) -> str:
    ends = "" in node
    children = [(char, child) for char, child in sorted(node.items()) if char]
    if not children:
        return ""
    if len(children) > 1 and all(child.keys() == {""} for _, child in children):
        # last letters only ("accuse" + "d" or "s"): one class, smaller and quicker to build
        letters = "[" + "".join(re.escape(char) for char, _ in children) + "]"
        return f"{letters}?" if ends else letters
    branches = [re.escape(char) + _pattern(child) for char, child in children]
    if len(branches) == 1:
        return f"(?:{branches[0]})?" if ends else branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return f"{body}?" if ends else body
