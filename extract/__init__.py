"""Text in, records out: reading, cleaning, actor resolution and claim extraction (no RDF)."""
