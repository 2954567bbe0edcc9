"""The superbill PDF: what a client sends an insurer to be reimbursed out of network.

Layout only; the contents come from app.billing.superbill.Superbill and are checked by
app.billing.readiness before this is called.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.billing.superbill import Superbill
from app.pdf.document import PageDecor, Styles, para, render_pdf, styles

_GRID = TableStyle([
    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
])
_PLAIN = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                     ("LEFTPADDING", (0, 0), (-1, -1), 0)])


def usd(amount: Decimal) -> str:
    return f"${amount:,.2f}"


def _pairs(rows: list[tuple[str, str]], s: Styles) -> Table:
    data = [[para(label, s.small), para(value or "—", s.body)] for label, value in rows]
    table = Table(data, colWidths=[1.05 * inch, 2.4 * inch], hAlign="LEFT")
    table.setStyle(_PLAIN)
    return table


def _parties(bill: Superbill, s: Styles) -> list[Flowable]:
    """Provider and client side by side, as on a claim form."""
    table = Table([[_provider(bill, s), _client(bill, s)]],
                  colWidths=[3.5 * inch, 3.5 * inch], hAlign="LEFT")
    table.setStyle(_PLAIN)
    return [table]


def _provider(bill: Superbill, s: Styles) -> list[Flowable]:
    p = bill.practice
    license_text = " ".join(x for x in (p.license_number, f"({p.license_state})"
                                        if p.license_state else "") if x)
    rows = [
        ("Practice", p.practice_name),
        ("Clinician", p.signer_line()),
        ("Address", p.address.one_line()),
        ("Phone", p.phone),
        ("License", license_text),
        ("NPI", p.npi),
        ("Taxonomy", p.taxonomy_code),
        (p.tax_id_kind or "Tax ID", p.tax_id),
    ]
    return [para("Provider", s.heading), _pairs(rows, s)]


def _client(bill: Superbill, s: Styles) -> list[Flowable]:
    c = bill.client
    dob = c.date_of_birth.isoformat() if c.date_of_birth else ""
    rows = [
        ("Client", c.legal_name),
        ("Date of birth", dob),
        ("Address", c.address.one_line()),
        ("Insurance payer", c.insurance.payer),
        ("Member ID", c.insurance.member_id),
    ]
    if c.insurance.group_number:
        rows.append(("Group number", c.insurance.group_number))
    rows.append(("Statement period", f"{bill.start.isoformat()} to {bill.end.isoformat()}"))
    if bill.issued_on:
        rows.append(("Date issued", bill.issued_on.isoformat()))
    return [para("Client", s.heading), _pairs(rows, s)]


_SERVICE_HEAD = ("Date of service", "POS", "CPT", "Description", "Modifiers", "Units",
                 "Dx pointer", "Fee", "Paid")
_SERVICE_WIDTHS = [0.85, 0.4, 0.95, 1.85, 0.65, 0.42, 0.5, 0.7, 0.68]


def _services(bill: Superbill, s: Styles) -> list[Flowable]:
    data: list[list[object]] = [[para(h, s.small) for h in _SERVICE_HEAD]]
    for line in bill.lines:
        data.append([
            para(line.date_of_service.isoformat(), s.small),
            para(line.place_of_service, s.small),
            para(line.codes_text or "—", s.small),
            para(line.description, s.small),
            para(" ".join(line.modifiers), s.small),
            para(str(line.units), s.small),
            para(line.pointers, s.small),
            para(usd(line.fee), s.small),
            para(usd(line.paid), s.small),
        ])
    table = Table(data, colWidths=[w * inch for w in _SERVICE_WIDTHS], repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(_GRID)
    return [para("Services", s.heading), table]


def _diagnoses(bill: Superbill, s: Styles) -> list[Flowable]:
    data: list[list[object]] = [[para(h, s.small) for h in ("Pointer", "ICD-10-CM",
                                                              "Description")]]
    for dx in bill.diagnoses:
        data.append([para(dx.pointer, s.small), para(dx.code, s.small),
                     para(dx.description, s.small)])
    table = Table(data, colWidths=[0.6 * inch, 1.0 * inch, 5.4 * inch], hAlign="LEFT")
    table.setStyle(_GRID)
    return [para("Diagnoses", s.heading), table]


def _totals(bill: Superbill, s: Styles) -> list[Flowable]:
    rows = [("Total charges", usd(bill.total_fee)), ("Total paid", usd(bill.total_paid)),
            ("Balance due", usd(bill.balance))]
    data = [[para(label, s.body), para(value, s.body)] for label, value in rows]
    table = Table(data, colWidths=[1.6 * inch, 1.3 * inch], hAlign="RIGHT")
    table.setStyle(TableStyle([("LINEABOVE", (0, 2), (-1, 2), 0.6, colors.black)]))
    return [Spacer(1, 6), table]


def _signature(bill: Superbill, s: Styles) -> list[Flowable]:
    return [
        Spacer(1, 28),
        para("Clinician signature: ______________________________    Date: ______________",
             s.body),
        para(bill.practice.signer_line(), s.small),
        Spacer(1, 6),
        para("I certify that the services listed above were provided by me on the dates shown.",
             s.small),
    ]


def superbill_story(bill: Superbill) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [para("Superbill", s.title)]
    for part in (_parties, _services, _diagnoses):
        story.extend(part(bill, s))
    # Totals and the signature line stay together so a page never ends between them.
    story.append(KeepTogether(_totals(bill, s) + _signature(bill, s)))
    return story


def render_superbill(bill: Superbill, out: Path) -> None:
    """Write the superbill to ``out`` atomically (the PDF metadata carries no PHI)."""
    decor = PageDecor(header=[f"Superbill · {bill.client.legal_name} · "
                              f"{bill.start.isoformat()} to {bill.end.isoformat()}"],
                      footer=bill.practice.practice_name or bill.practice.signer_line(),
                      title="Superbill")
    render_pdf(Path(out), superbill_story(bill), decor)
