"""Standard measures (PHQ-9, GAD-7, PHQ-2, GAD-2, PCL-5, C-SSRS screener) as pure rules:
the instrument as data, its scoring, change criteria, schedules, safety rule and chart data."""

from models.measures.change import ChangeKind, ChangeMarker, change_from, change_markers
from models.measures.chart import ChartPoint, MeasureChart, chart_of
from models.measures.instrument import Instrument, InstrumentFileError, Item, instrument_from_dict
from models.measures.records import MeasureResponse, Schedule, ScheduleRule, Source
from models.measures.safety import PositiveScreen, blank_risk_items, positive_screens
from models.measures.schedule import ClientDates, DueMeasure, due_reason
from models.measures.scoring import Score, asked_items, is_asked, score

__all__ = [
    "ChangeKind", "ChangeMarker", "ChartPoint", "ClientDates", "DueMeasure", "Instrument",
    "InstrumentFileError", "Item", "MeasureChart", "MeasureResponse", "PositiveScreen",
    "Schedule", "ScheduleRule", "Score", "Source", "asked_items", "blank_risk_items",
    "change_from", "change_markers", "chart_of", "due_reason", "instrument_from_dict",
    "is_asked", "positive_screens", "score",
]
