"""Plain domain types and pure rules. Imports nothing of the project and never Qt."""
