"""resolution-site: turn the text of a Security Council resolution into a citable static website.

The pipeline, one module per stage: ``source`` (read) → ``clean`` → ``parse`` (typed ``model``)
→ ``fidelity`` check → annotations → ``render`` (Markdown pages and data files). ``pipeline``
chains the first stages; ``cli`` is ``python -m build_scripts``.
"""
