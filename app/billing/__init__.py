"""Billing use cases: codes, fees, superbills (one client or a month), payments, authorizations.

(The calendar and its .ics export are app.calendar.)"""
