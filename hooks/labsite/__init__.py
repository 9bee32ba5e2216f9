"""The research-group site's data core.

Loading: ``yamldata`` (YAML files checked against ``schemas/``) and ``bibliography``
(BibTeX through pybtex), both keeping line numbers for errors. Typed records, one
module per kind: ``profile``, ``career``, ``people``, ``teaching``, ``talks``,
``service``, ``grants``, ``venues``, ``themes``, ``news``, ``publications``; ``site``
loads them all. Rendering: ``render/`` turns records into escaped HTML. Pages:
``directives`` expands ``[% name option=value %]`` lines, ``citations`` checks and
links ``[@key]`` citations. Commands (never run by a build): ``adding`` (``labsite add``:
``identifiers``, ``lookup`` through ``scholarly``, ``newentry``, ``bibedit``) and ``citing``
(``labsite citations``, whose counts ``citedby`` reads). Nothing here imports MkDocs:
``hooks/lab.py`` is the only file that talks to it.
"""
