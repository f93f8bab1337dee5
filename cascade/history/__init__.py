"""``cascade history`` across fiscal years: this year's plan on disk, earlier
years read from git tags (``2568``, ``fy2568``, ``plan-2568``) and any
revision given with ``--rev``, joined into one KPI history
(:mod:`cascade.history.years`), and its SVG chart of results and targets
(:mod:`cascade.history.chart`).

It sits after ``diff`` (whose git reader it uses) and ``report`` (whose
chart drawing it uses); nothing imports it but the CLI.
"""
