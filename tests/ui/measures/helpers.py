"""The client page's Measures tab, as a therapist reaches it."""

from __future__ import annotations

from typing import Any


def measures_tab(window: Any, client: Any) -> Any:
    page = window.main_view.go_to("Clients")
    page.refresh()
    page.select_client(client.id)
    page.detail.tabs.setCurrentWidget(page.detail.measures)
    return page.detail.measures
