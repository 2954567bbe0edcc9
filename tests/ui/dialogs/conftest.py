"""The dialogs run in the unlocked window (tests/ui/conftest.py); the authorization question
is also asked over the billing tests' sample practice."""

from tests.ui.billing.conftest import workspace

__all__ = ["workspace"]
