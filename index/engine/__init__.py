"""Everything Whoosh: schema, analysis, ranking, passage location, writers. No other package imports whoosh."""
