"""The research-group site's data core.

Loading (``yamldata``, ``bibliography``) turns files into typed records (``records``
and the per-kind modules), ``render`` turns records into HTML, and ``directives``
expands the ``[% name option=value %]`` lines of a Markdown page. Nothing here imports
MkDocs: ``hooks/lab.py`` is the only file that talks to it.
"""
