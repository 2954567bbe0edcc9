"""Billing in the window: the Billing page, the superbill dialog, the ICD-10 picker, and the
hooks other pages call (authorization question, Today's warnings, calendar file refresh)."""

from ui.billing.hooks import (
    after_appointment_change,
    authorization_warning_lines,
    confirm_scheduling,
)
from ui.billing.icd10_picker import Icd10Picker, pick_icd10
from ui.billing.page import BillingPage
from ui.billing.superbill_panel import open_superbill_dialog

__all__ = ["BillingPage", "Icd10Picker", "after_appointment_change",
           "authorization_warning_lines", "confirm_scheduling", "open_superbill_dialog",
           "pick_icd10"]
