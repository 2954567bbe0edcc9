"""Measures in the window: the chart, keyboard entry, the client-facing hand-over form, the
client page's Measures tab and Today's measures-due panel."""
