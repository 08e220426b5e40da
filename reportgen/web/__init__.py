"""``reportgen serve``: the study made and run in a browser, for people who do not use a terminal.

The pages upload a data file, show what ``reportgen init`` found (constructs, items, scale,
respondent columns) for the user to name and adjust, write the study file, check it, run it
and offer the chapter's preview and files. Every decision is the pipeline's: the study file is
written by :mod:`reportgen.config.draft`, checked by :func:`reportgen.pipeline.validate_study`
and run by :func:`reportgen.pipeline.run_study` in a process of its own; the pages only show
each problem beside the field whose line of the study file it names.
"""
