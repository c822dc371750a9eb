"""The demo Government's people and papers: fictional names, realistic titles and texts."""
