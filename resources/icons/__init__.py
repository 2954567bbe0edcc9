"""Small SVG icons used by the stylesheet."""
