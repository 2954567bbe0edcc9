"""Billing and calendar use cases: codes, superbills, payments, authorizations, .ics export."""
