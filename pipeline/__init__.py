"""minutes intelligence: meeting minutes in, a cross-meeting knowledge base out.

Stages (one module or subpackage each): :mod:`pipeline.ingest` (files to
normalised documents), :mod:`pipeline.segment` (header, items, paragraphs,
resolution clauses), then entities, topics, decisions, follow-ups and tables.
:mod:`pipeline.extract` runs the per-meeting stages; :mod:`pipeline.cli` is the
``minutes`` command.
"""

__version__ = "0.1.0"
