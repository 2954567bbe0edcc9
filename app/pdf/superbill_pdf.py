"""The superbill PDF: what a client sends an insurer to be reimbursed out of network.

Layout only; the contents come from app.billing.superbill.Superbill and are checked by
app.billing.readiness before this is called. Every table may split a row across pages
(splitInRow), so a name or description of thousands of characters continues on the next page
instead of stopping the PDF.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.billing.superbill import Superbill
from app.pdf.document import PageDecor, Styles, para, render_pdf, styles
from app.pdf.fonts import SANS

_GRID = TableStyle([
    # Plain-text cells (see _cell) use the same font as the paragraphs around them.
    ("FONTNAME", (0, 0), (-1, -1), SANS),
    ("FONTSIZE", (0, 0), (-1, -1), 8),
    ("LEADING", (0, 0), (-1, -1), 10),
    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
])
_PLAIN = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                     ("FONTNAME", (0, 0), (-1, -1), SANS),
                     ("FONTSIZE", (0, 0), (-1, -1), 8),
                     ("LEADING", (0, 0), (-1, -1), 10),
                     ("LEFTPADDING", (0, 0), (-1, -1), 0)])


def _cell(text: str, s: Styles) -> str | Flowable:
    """Short ASCII text we generate (dates, codes, amounts) as a plain cell; anything else as a
    paragraph. Paragraphs wrap and switch fonts per script but cost most of the render time,
    which matters for a month of superbills."""
    if text.isascii() and len(text) <= 16:
        return text
    return para(text, s.small)


def usd(amount: Decimal) -> str:
    return f"${amount:,.2f}"


def _pairs(rows: list[tuple[str, str]], s: Styles) -> Table:
    data = [[_cell(label, s), para(value or "—", s.body)] for label, value in rows]
    table = Table(data, colWidths=[1.05 * inch, 2.4 * inch], hAlign="LEFT", splitInRow=1)
    table.setStyle(_PLAIN)
    return table


def _parties(bill: Superbill, s: Styles) -> list[Flowable]:
    """Provider and client side by side, as on a claim form."""
    table = Table([[_provider(bill, s), _client(bill, s)]], splitInRow=1,
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
            _cell(line.date_of_service.isoformat(), s),
            _cell(line.place_of_service, s),
            para(line.codes_text or "—", s.small),  # may wrap: a code and its add-ons
            para(line.description, s.small),
            _cell(" ".join(line.modifiers), s),
            _cell(str(line.units), s),
            _cell(line.pointers, s),
            _cell(usd(line.fee), s),
            _cell(usd(line.paid), s),
        ])
    table = Table(data, colWidths=[w * inch for w in _SERVICE_WIDTHS], repeatRows=1,
                  hAlign="LEFT", splitInRow=1)
    table.setStyle(_GRID)
    table.setStyle(TableStyle([("ALIGN", (-2, 1), (-1, -1), "RIGHT")]))
    return [para("Services", s.heading), table]


def _payments(bill: Superbill, s: Styles) -> list[Flowable]:
    """Each payment received for the sessions above: the insurer's proof the client paid."""
    if not bill.payments:
        return []
    dates = {line.appointment_id: line.date_of_service for line in bill.lines}
    data: list[list[object]] = [[para(h, s.small) for h in ("Paid on", "Method",
                                                              "For the session of", "Amount")]]
    for payment in bill.payments:
        session = dates.get(payment.appointment_id)
        data.append([_cell(payment.paid_on.isoformat(), s), _cell(payment.method, s),
                     _cell(session.isoformat() if session else "", s),
                     _cell(usd(payment.amount), s)])
    table = Table(data, colWidths=[1.0 * inch, 1.4 * inch, 1.3 * inch, 0.9 * inch],
                  repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(_GRID)
    table.setStyle(TableStyle([("ALIGN", (-1, 1), (-1, -1), "RIGHT")]))
    return [para("Payments received", s.heading), table]


def _diagnoses(bill: Superbill, s: Styles) -> list[Flowable]:
    data: list[list[object]] = [[para(h, s.small) for h in ("Pointer", "ICD-10-CM",
                                                              "Description")]]
    for dx in bill.diagnoses:
        data.append([_cell(dx.pointer, s), _cell(dx.code, s), para(dx.description, s.small)])
    table = Table(data, colWidths=[0.6 * inch, 1.0 * inch, 5.4 * inch], hAlign="LEFT",
                  splitInRow=1)
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
    for part in (_parties, _services, _diagnoses, _payments):
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
