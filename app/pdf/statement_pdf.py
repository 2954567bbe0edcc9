"""Statement and receipt PDFs for self-pay clients (layout only; app.billing.statements
gathers and checks the contents). Every date goes through models.common.date_text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.pdf.document import PageDecor, Styles, para, render_pdf, styles
from app.pdf.tables import cell, grid, pairs, side_by_side, totals, usd
from models.client import Client
from models.common import date_text
from models.practice import PracticeProfile

if TYPE_CHECKING:
    from app.billing.statement_data import Receipt, Statement


def _from(practice: PracticeProfile, s: Styles) -> list[Flowable]:
    rows = [("Practice", practice.practice_name), ("Clinician", practice.signer_line()),
            ("Address", practice.address.one_line()), ("Phone", practice.phone),
            ("Email", practice.email)]
    if practice.npi:
        rows.append(("NPI", practice.npi))
    if practice.tax_id:
        rows.append((practice.tax_id_kind or "Tax ID", practice.tax_id))
    return [para("From", s.heading), pairs(rows, s)]


def _to(client: Client, extra: list[tuple[str, str]], s: Styles) -> list[Flowable]:
    rows = [("Client", client.legal_name), ("Address", client.address.one_line()),
            ("Account", f"client {client.id}"), *extra]
    return [para("To", s.heading), pairs(rows, s)]


def statement_story(st: Statement) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [para("Statement", s.title)]
    story.append(side_by_side(_from(st.practice, s), _to(st.client, [
        ("Period", f"{date_text(st.start)} to {date_text(st.end)}"),
        ("Date issued", date_text(st.issued_on))], s)))
    rows = [[cell(date_text(st.start), s), para("Balance forward", s.small), "",
             cell(usd(st.previous_balance), s)]]
    for e in st.entries:
        rows.append([cell(date_text(e.day), s), para(e.description, s.small),
                     cell(usd(e.charge) if e.charge else "", s),
                     cell(f"-{usd(e.payment)}" if e.payment else "", s)])
    story += [para("Account activity", s.heading),
              grid(("Date", "Description", "Charge", "Payment / balance"), rows,
                   (0.9, 4.0, 1.0, 1.1), s, right_columns=2)]
    story.append(KeepTogether([Spacer(1, 6), totals([
        ("Balance forward", usd(st.previous_balance)), ("Charges this period", usd(st.charges)),
        ("Payments this period", usd(st.payments)), ("Balance due", usd(st.balance_due))], s),
        Spacer(1, 10), para(_closing(st), s.small)]))
    return story


def _closing(st: Statement) -> str:
    if st.balance_due > 0:
        return (f"Please pay {usd(st.balance_due)}. Questions about this statement: "
                f"{st.practice.phone or st.practice.email or st.practice.signer_line()}.")
    if st.balance_due < 0:
        return f"You have a credit of {usd(-st.balance_due)}; nothing is due."
    return "Nothing is due. Thank you."


def render_statement(st: Statement, out: Path) -> None:
    decor = PageDecor(header=[f"Statement · {st.client.legal_name} · {date_text(st.start)} to "
                              f"{date_text(st.end)}"],
                      footer=st.practice.practice_name or st.practice.signer_line(),
                      title="Statement")
    render_pdf(Path(out), statement_story(st), decor)


def receipt_story(r: Receipt) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [para("Receipt", s.title)]
    story.append(side_by_side(_from(r.practice, s), _to(r.client, [
        ("Date issued", date_text(r.issued_on))], s)))
    story += [para("Session", s.heading),
              grid(("Date of service", "Service", "Charge"),
                   [[cell(date_text(r.session.day), s), para(r.session.description, s.small),
                     cell(usd(r.session.amount), s)]], (1.1, 4.8, 1.1), s, right_columns=1)]
    rows = [[cell(date_text(p.paid_on), s), cell(p.method, s), cell(usd(p.amount), s)]
            for p in r.payments]
    story += [para("Payments received", s.heading),
              grid(("Paid on", "Method", "Amount"), rows, (1.1, 4.8, 1.1), s,
                   right_columns=1)]
    balance = (("Paid in full", usd(r.balance)) if r.balance == 0 else
               ("Balance due", usd(r.balance)) if r.balance > 0 else
               ("Credit", usd(-r.balance)))
    story.append(KeepTogether([Spacer(1, 6), totals([
        ("Charge", usd(r.session.amount)), ("Paid", usd(r.paid)), balance], s),
        Spacer(1, 18), para(f"Received with thanks. {r.practice.signer_line()}", s.small)]))
    return story


def render_receipt(r: Receipt, out: Path) -> None:
    decor = PageDecor(header=[f"Receipt · {r.client.legal_name} · session of "
                              f"{date_text(r.session.day)}"],
                      footer=r.practice.practice_name or r.practice.signer_line(),
                      title="Receipt")
    render_pdf(Path(out), receipt_story(r), decor)
