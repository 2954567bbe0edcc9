"""Billing in the window: the Billing page, the superbill dialog and the ICD-10 picker."""

from ui.billing.icd10_picker import Icd10Picker, pick_icd10
from ui.billing.page import BillingPage
from ui.billing.superbill_panel import open_superbill_dialog

__all__ = ["BillingPage", "Icd10Picker", "open_superbill_dialog", "pick_icd10"]
