"""Records in; RDF graph, store, queries, network analysis, pictures and exports out."""

#: Above this many actors `kg viz` lays the graph out in Python and turns the browser's
#: physics off. Kept here, free of imports, so the CLI can show it without networkx.
LAYOUT_THRESHOLD = 750
