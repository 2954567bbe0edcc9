"""The calendar's views, drawn with Qt: a time grid (a day or a week) and a month grid."""
