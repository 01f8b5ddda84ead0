"""``warrantwatch check``: test the factual claims of a statement against the knowledge base.

Statements are written in hours by many hands; a wrong date costs credibility with the
very ministry addressed. This package reads a draft (text, HTML, Markdown, .docx),
finds the sentences that state something the knowledge base records (a state's party
status and its dates, a warrant's date, chamber and articles, counts of States Parties,
custody, trips, findings) and says whether each agrees, with the sources.
"""
