"""The standard measures, one JSON file each (docs/measures.md describes the shape)."""
