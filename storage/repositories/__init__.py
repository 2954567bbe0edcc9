"""One repository per kind of record; each writes its own audit entries."""

from storage.repositories.appointments import AppointmentRepository
from storage.repositories.billing import BillingRepository
from storage.repositories.clients import ClientRepository, GoalRepository
from storage.repositories.measures import MeasureRepository
from storage.repositories.notes import NoteRepository
from storage.repositories.practice import PracticeRepository
from storage.repositories.settings import SettingsRepository

__all__ = ["AppointmentRepository", "BillingRepository", "ClientRepository", "GoalRepository",
           "MeasureRepository", "NoteRepository", "PracticeRepository", "SettingsRepository"]
