"""The superbill PDF: what a client sends an insurer to be reimbursed out of network.

Layout only; the contents come from app.billing.superbill.Superbill and are checked by
app.billing.readiness before this is called. Every table may split a row across pages
(splitInRow, app/pdf/tables.py), so a name or description of thousands of characters
continues on the next page instead of stopping the PDF.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.billing.superbill import Superbill
from app.pdf.document import PageDecor, Styles, para, render_pdf, styles
from app.pdf.tables import cell, grid, pairs, side_by_side, totals, usd
from models.common import date_text
from models.insurance import Insurance

__all__ = ["render_superbill", "superbill_story", "usd"]


def _parties(bill: Superbill, s: Styles) -> list[Flowable]:
    """Provider and client side by side, as on a claim form."""
    return [side_by_side(_provider(bill, s), _client(bill, s))]


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
    return [para("Provider", s.heading), pairs(rows, s)]


def _client(bill: Superbill, s: Styles) -> list[Flowable]:
    c = bill.client
    rows = [
        ("Client", c.legal_name),
        ("Date of birth", date_text(c.date_of_birth) if c.date_of_birth else ""),
        ("Address", c.address.one_line()),
        *_policy_rows(c.insurance, "Insurance payer"),
    ]
    if not c.secondary_insurance.is_empty:
        rows += _policy_rows(c.secondary_insurance, "Secondary payer")
    if c.release_on_file:
        rows.append(("Release signed", f"signature on file, {date_text(c.release_on_file)}"))
    if c.assignment_on_file:
        rows.append(("Benefits assigned",
                     f"signature on file, {date_text(c.assignment_on_file)}"))
    rows.append(("Statement period", f"{date_text(bill.start)} to {date_text(bill.end)}"))
    if bill.issued_on:
        rows.append(("Date issued", date_text(bill.issued_on)))
    return [para("Client", s.heading), pairs(rows, s)]


def _policy_rows(insurance: Insurance, payer_label: str) -> list[tuple[str, str]]:
    """A plan as an insurer reads it: payer, where claims go, member and group, policy holder."""
    rows = [(payer_label, insurance.payer)]
    if not insurance.claim_address.is_empty():
        rows.append(("Claims address", insurance.claim_address.one_line()))
    rows.append(("Member ID", insurance.member_id))
    if insurance.group_number:
        rows.append(("Group number", insurance.group_number))
    if insurance.is_dependent:
        sub = insurance.subscriber
        born = f", born {date_text(sub.date_of_birth)}" if sub.date_of_birth else ""
        rows.append(("Policy holder", f"{sub.name}{born}; the client is the policy holder's "
                                      f"{_relation(insurance)}"))
    return rows


def _relation(insurance: Insurance) -> str:
    return {"spouse": "spouse", "child": "child"}.get(insurance.relationship.value, "dependent")


_SERVICE_HEAD = ("Date of service", "POS", "CPT", "Description", "Modifiers", "Units",
                 "Dx pointer", "Fee", "Paid")
_SERVICE_WIDTHS = [0.85, 0.4, 0.95, 1.85, 0.65, 0.42, 0.5, 0.7, 0.68]


def _services(bill: Superbill, s: Styles) -> list[Flowable]:
    rows = [[cell(date_text(line.date_of_service), s), cell(line.place_of_service, s),
             para(line.codes_text or "—", s.small),  # may wrap: a code and its add-ons
             para(line.description, s.small), cell(" ".join(line.modifiers), s),
             cell(str(line.units), s), cell(line.pointers, s), cell(usd(line.fee), s),
             cell(usd(line.paid), s)] for line in bill.lines]
    return [para("Services", s.heading),
            grid(_SERVICE_HEAD, rows, _SERVICE_WIDTHS, s, right_columns=2)]


def _payments(bill: Superbill, s: Styles) -> list[Flowable]:
    """Each payment received for the sessions above: the insurer's proof the client paid."""
    if not bill.payments:
        return []
    dates = {line.appointment_id: line.date_of_service for line in bill.lines}
    rows = []
    for payment in bill.payments:
        session = dates.get(payment.appointment_id)
        rows.append([cell(date_text(payment.paid_on), s), cell(payment.method, s),
                     cell(date_text(session) if session else "", s),
                     cell(usd(payment.amount), s)])
    return [para("Payments received", s.heading),
            grid(("Paid on", "Method", "For the session of", "Amount"), rows,
                 (1.0, 1.4, 1.3, 0.9), s, right_columns=1)]


def _diagnoses(bill: Superbill, s: Styles) -> list[Flowable]:
    rows = [[cell(dx.pointer, s), cell(dx.code, s), para(dx.description, s.small)]
            for dx in bill.diagnoses]
    return [para("Diagnoses", s.heading),
            grid(("Pointer", "ICD-10-CM", "Description"), rows, (0.6, 1.0, 5.4), s)]


def _totals(bill: Superbill, s: Styles) -> list[Flowable]:
    return [Spacer(1, 6), totals([("Total charges", usd(bill.total_fee)),
                                  ("Total paid", usd(bill.total_paid)),
                                  ("Balance due", usd(bill.balance))], s)]


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
                              f"{date_text(bill.start)} to {date_text(bill.end)}"],
                      footer=bill.practice.practice_name or bill.practice.signer_line(),
                      title="Superbill")
    render_pdf(Path(out), superbill_story(bill), decor)
