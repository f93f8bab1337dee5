"""``cascade lsp``: a Language Server over the one engine.

Modules, each with one job:

* :mod:`~cascade.lsp.server` wires the LSP features to the rest (pygls);
* :mod:`~cascade.lsp.documents` finds the plan of a file and the unsaved
  buffers of a plan (the overlay the engine reads instead of the disk);
* :mod:`~cascade.lsp.checker` runs the engine in a worker thread, debounced,
  a newer edit superseding an older check, warm from an in-memory snapshot
  when it can be, and publishes diagnostics;
* :mod:`~cascade.lsp.positions` converts cascade's 1-based code-point
  positions to the client's encoding (UTF-16 by default);
* :mod:`~cascade.lsp.index` and :mod:`~cascade.lsp.spans`: where each id is
  defined and referenced, and the ranges of those places;
* :mod:`~cascade.lsp.navigate` (definition, references), :mod:`~cascade.lsp.hover`
  (with :mod:`~cascade.lsp.keys` for keys), :mod:`~cascade.lsp.complete`,
  :mod:`~cascade.lsp.symbols`, :mod:`~cascade.lsp.formatting`,
  :mod:`~cascade.lsp.rename` (and "did you mean" quick fixes);
* :mod:`~cascade.lsp.drafting` (with :mod:`~cascade.lsp.fill`): code actions
  that write plan text: the missing common KPIs, the missing KPI-template
  fields, a KPI drafted like ``cascade new kpi``.

Nothing here is imported by the other commands.
"""
