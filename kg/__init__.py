"""Records in; RDF graph, store, queries, network analysis, pictures and exports out."""
