"""Load stage: find plan files and read their YAML documents safely.

Steps: :mod:`discover` lists the files, :mod:`reader` turns bytes into plain
Python data (dicts, lists, strings, ``None``) or diagnostics, and
:mod:`positions` maps a path inside a document back to line:column, lazily,
only for files that have findings.
"""
