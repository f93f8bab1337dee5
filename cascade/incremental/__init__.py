"""Incremental validation: a warm ``cascade validate`` re-checks only what changed.

:mod:`~cascade.incremental.snapshot` keeps what the last run found, file by
file; :mod:`~cascade.incremental.scan` tells which files changed;
:mod:`~cascade.incremental.facts` says which files a file's findings depend
on; :mod:`~cascade.incremental.run` decides how little can be re-checked;
:mod:`~cascade.incremental.recheck` re-checks changed agreements on a smaller
model, with the part of the roster :mod:`~cascade.incremental.roster` keeps.
"""
