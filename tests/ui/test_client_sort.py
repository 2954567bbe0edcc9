"""The client list in the orders people expect, names sorted as the language does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale

from models.appointment import AppointmentStatus
from models.client import Client
from tests.ui.conftest import Boxes
from tests.ui.helpers import add_client, book
from ui.client_sort import sort_clients


def test_names_sort_as_the_language_does() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        names = ["Zoë Adler", "Ávila Cruz", "avery Bloom", "Émile Zola", "Eve Yu", "Bo Xu"]
        clients = [Client(legal_name=n, id=i) for i, n in enumerate(names, 1)]
        assert [c.legal_name for c in sort_clients(clients, "first")] == [
            "avery Bloom", "Ávila Cruz", "Bo Xu", "Émile Zola", "Eve Yu", "Zoë Adler"]
        assert sorted(names)[-1] == "Émile Zola"  # what a plain sort would have done
        assert [c.legal_name for c in sort_clients(clients, "last")][:2] == [
            "Zoë Adler", "avery Bloom"]
    finally:
        QLocale.setDefault(QLocale.system())


def test_recently_seen_and_newest(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    old = add_client(unlocked, "Ada Old")
    new = add_client(unlocked, "Bea New")
    book(unlocked, old, days=-1, hour=9, status=AppointmentStatus.ATTENDED)
    book(unlocked, new, days=-20, hour=9, status=AppointmentStatus.ATTENDED)
    page = unlocked.main_view.go_to("Clients")
    page.sort.setCurrentIndex(page.sort.findData("recent"))
    assert [page.list.item(i).text() for i in range(page.list.count())] == [
        "Jo Old", "Jo New"]
    page.sort.setCurrentIndex(page.sort.findData("newest"))
    assert page.list.item(0).text() == "Jo New"
