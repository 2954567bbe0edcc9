"""The superbill PDF carries every field an insurer reads: checked by reading it back with
pdftotext (and pypdf), dates in the app's one format."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from app.billing.icd10 import description_of
from app.billing.superbill import build_superbill
from app.pdf.superbill_pdf import render_superbill
from models.appointment import Appointment, AppointmentStatus
from models.billing import FeePolicy
from models.common import Address
from models.insurance import Insurance, Relationship, Subscriber
from tests.app.billing import sample
from tests.app.billing.pdf_text import pdf_text


def _text(path: Path) -> str:
    """pdftotext in reading order (a wrapped table heading stays one phrase)."""
    return " ".join(pdf_text(path, layout=False).split())


def test_every_field_is_in_the_pdf(tmp_path: Path) -> None:
    bill = build_superbill(sample.practice(), sample.client(), sample.appointments(),
                           sample.payments(), sample.fees(),
                           FeePolicy(no_show_fee=Decimal("75")), date(2026, 3, 1),
                           date(2026, 3, 31), issued_on=date(2026, 4, 1),
                           describe=description_of)
    out = tmp_path / "superbill.pdf"
    render_superbill(bill, out)
    assert out.stat().st_mode & 0o777 == 0o600
    text = _text(out)
    flat = " ".join(text.split())
    expected = [
        # practice and clinician
        "Quiet Harbor Counseling", "12 Elm Street, Suite 4", "Albany", "12207",
        "(518) 555-0142", "Dana Whitfield, LCSW", "LCSW-104233", "1234567893",
        "1041C0700X", "EIN", "12-3456789",
        # client
        "Marisol Vega-Okafor", "04/12/1988", "88 River Road", "Troy", "12180",
        "Empire Blue Cross", "XYZ123456789",
        # lines: date, POS, CPT, modifiers, units, pointers, fee, paid
        "03/02/2026", "03/09/2026", "03/16/2026", "03/23/2026", "90791", "90837", "+90785",
        "90834", "95", "AB", "$200.00", "$205.00", "$150.00", "$75.00", "$105.50", "$0.00",
        # diagnoses with descriptions
        "F41.1", "Generalized anxiety disorder", "F32.1", "Major depressive disorder",
        # totals and signature
        "Total charges", "$630.00", "Total paid", "$305.50", "Balance due", "$324.50",
        "Clinician signature", "Date of service", "POS", "CPT", "Modifiers", "Units",
        "Dx", "pointer", "Fee", "Paid",  # the "Dx pointer" heading wraps
        # payments: date, method, amount
        "Payments received", "Paid on", "Method", "card", "check", "cash", "$5.50",
    ]
    missing = [item for item in expected if item not in flat]
    assert missing == []
    # Each line's place of service is on its own row.
    layout = pdf_text(out)
    rows = [line.split() for line in layout.splitlines()
            if re.match(r"^\s*03/\d\d/2026\s+\d\d\s", line)]
    assert [r[:3] for r in rows] == [["03/02/2026", "11", "90791"],
                                     ["03/09/2026", "11", "90837"],
                                     ["03/16/2026", "10", "90834"],
                                     ["03/23/2026", "11", "—"]]
    assert rows[0][-4:] == ["1", "AB", "$200.00", "$200.00"]
    assert rows[1][-4:] == ["1", "AB", "$205.00", "$105.50"]
    assert rows[2][-5:] == ["95", "1", "AB", "$150.00", "$0.00"]
    assert rows[3][-3:] == ["1", "$75.00", "$0.00"]
    assert "03/30/2026" not in flat  # cancelled: not billed
    assert not re.search(r"\d{4}-\d\d-\d\d", layout)  # one date format on the whole page
    pay_rows = [line.split() for line in layout.splitlines()
                if re.match(r"^\s*03/\d\d/2026\s+(card|check|cash)\s", line)]
    assert pay_rows == [["03/02/2026", "card", "03/02/2026", "$200.00"],
                        ["03/09/2026", "check", "03/09/2026", "$100.00"],
                        ["03/10/2026", "cash", "03/09/2026", "$5.50"]]
    reader = PdfReader(str(out))
    assert (reader.metadata or {}).get("/Title") == "Superbill"  # no PHI in metadata


def test_long_superbill_spans_pages_with_header(tmp_path: Path) -> None:
    appts = [Appointment(client_id=7, start=sample.at(1 + i % 28, hour=8 + i // 28), minutes=50,
                         status=AppointmentStatus.ATTENDED, id=100 + i) for i in range(80)]
    bill = build_superbill(sample.practice(), replace(sample.client(), legal_name="李小龍 Lee"),
                           appts, [], sample.fees(), FeePolicy(), date(2026, 3, 1),
                           date(2026, 3, 31))
    out = tmp_path / "long.pdf"
    render_superbill(bill, out)
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 2
    assert "$12,000.00" in _text(out)
    assert "Page 2 of" in (reader.pages[1].extract_text() or "")


def test_the_superbill_carries_the_full_insurance_details(tmp_path: Path) -> None:
    client = replace(
        sample.client(), release_on_file=date(2026, 2, 20), assignment_on_file=date(2026, 2, 21),
        insurance=replace(sample.client().insurance, relationship=Relationship.CHILD,
                          claim_address=Address("PO Box 1407", "Albany", "NY", "12201"),
                          subscriber=Subscriber("Karen Vega", date(1961, 2, 11), "F")),
        secondary_insurance=Insurance("Lakeside Health Plan", "L-551", "G-9"))
    bill = build_superbill(sample.practice(), client, sample.appointments(), sample.payments(),
                           sample.fees(), FeePolicy(), date(2026, 3, 1), date(2026, 3, 31),
                           issued_on=date(2026, 4, 1), describe=description_of)
    out = tmp_path / "superbill.pdf"
    render_superbill(bill, out)
    text = _text(out)
    for expected in ("Claims address", "PO Box 1407, Albany, NY 12201", "Policy holder",
                     "Karen Vega, born 02/11/1961; the client is the policy", "holder's child",
                     "Secondary payer", "Lakeside Health Plan", "L-551", "G-9",
                     "Release signed", "signature on file, 02/20/2026", "Benefits assigned",
                     "signature on file, 02/21/2026", "03/01/2026 to 03/31/2026", "04/01/2026"):
        assert expected in text, expected
