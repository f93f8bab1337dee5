"""``cascade fmt``: rewrite plan files in one canonical style, losing nothing.

Steps (see README.md in this folder): :mod:`run` expands paths to files and
writes or diffs; :mod:`formatter` formats one file's bytes — the safe reader
first, then :mod:`envelope` (BOM, CRLF), :mod:`documents` (``---`` / ``...``),
ruamel.yaml as set up in :mod:`rtyaml`, :mod:`layout` (list style, flow line
breaks), :mod:`canonical` (key order from :mod:`shapes`, id quoting from
:mod:`quoting`, comments moved by :mod:`comments`), and last :mod:`safety`,
which refuses any result that would read differently or drop a comment.
"""
