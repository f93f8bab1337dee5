"""Incremental validation: a warm ``cascade validate`` re-checks only what changed.

:mod:`~cascade.incremental.snapshot` keeps what the last run found, file by
file; :mod:`~cascade.incremental.scan` tells which files changed;
:mod:`~cascade.incremental.facts` keeps the cascade as the last run resolved
it (who reads whom, parents, remote fingerprints);
:mod:`~cascade.incremental.run` chooses the path;
:mod:`~cascade.incremental.recheck` plans a re-check from the scopes the rules
declare (:mod:`cascade.rules.scopes`) and runs it on a smaller model, with the
part of the roster :mod:`~cascade.incremental.roster` keeps.  Nothing here
knows what a particular rule reads.
"""
