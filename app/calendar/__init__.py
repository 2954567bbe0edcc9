"""The calendar: the day and the week as the window shows them, and the calendar as .ics.

schedule.py holds the use cases of the pages (a day, a week); ics.py writes RFC 5545 files
(ics_timezone.py their VTIMEZONE); subscription.py keeps the file a calendar app subscribes to
current after every change. Scheduling itself (new, moved, cancelled) is app.appointments.
"""
