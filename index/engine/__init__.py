"""Everything Whoosh: schema, analysis, segments, ranking, passage location. No other package imports whoosh."""
