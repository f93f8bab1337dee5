"""The rules' reStructuredText docstrings as terminal text and as Markdown."""

from __future__ import annotations

from cascade.rules.docs import markdown, plain

DOC = (
    "Keys of ``rules:`` in ``cascade.yaml``, see :mod:`cascade.rules` and\n"
    ":attr:`~Scope.named`.  Fails (``actuals/x.csv``)::\n"
    "\n"
    "    rules: {XYZ001: off}\n"
    "\n"
    "An example ::\n"
    "\n"
    "    a: 1\n"
)


def test_plain_text_for_the_terminal() -> None:
    assert plain(DOC) == (
        "Keys of 'rules:' in 'cascade.yaml', see cascade.rules and\n"
        "Scope.named.  Fails ('actuals/x.csv'):\n"
        "\n"
        "    rules: {XYZ001: off}\n"
        "\n"
        "An example\n"
        "\n"
        "    a: 1\n"
    )


def test_markdown_for_docs() -> None:
    assert markdown(DOC) == (
        "Keys of `rules:` in `cascade.yaml`, see `cascade.rules` and\n"
        "`Scope.named`.  Fails (`actuals/x.csv`):\n"
        "\n"
        "    rules: {XYZ001: off}\n"
        "\n"
        "An example\n"
        "\n"
        "    a: 1\n"
    )
