"""The Good Faith Estimate PDF (45 CFR 149.610(c)): every element the rule lists, in its order.

Layout only; app.billing.estimates builds and checks the estimate. The notices below say in
plain words what the rule requires an estimate to tell a self-pay client.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.pdf.document import PageDecor, Styles, para, render_pdf, styles
from app.pdf.tables import cell, grid, pairs, side_by_side, totals, usd
from models.common import date_text
from models.good_faith import DISPUTE_THRESHOLD, NSA_HELP, NSA_PHONE, GoodFaithEstimate

NOT_A_CONTRACT = ("This Good Faith Estimate is not a contract. It does not oblige you to "
                  "receive any of the items or services listed from this provider or from "
                  "anyone else.")
ESTIMATE_ONLY = ("This is only an estimate of the items and services reasonably expected at "
                 "the time it was issued, for the period shown. The actual items, services or "
                 "charges may differ from it.")
OTHER_SERVICES = ("The provider may recommend other items or services as part of your care "
                  "that are not in this estimate; they would be scheduled or requested "
                  "separately, and you can ask for a Good Faith Estimate for them.")
SEPARATE_SCHEDULING = ("No items or services that need to be scheduled separately are "
                       "expected before or after this period of care. If any are scheduled "
                       "later, or you ask, you will receive a separate Good Faith Estimate "
                       "for them.")
DISPUTE = (f"If you are billed at least ${DISPUTE_THRESHOLD:,.0f} more than this estimate for "
           "this provider, you have the right to dispute the bill through the federal "
           "patient-provider dispute resolution process. You may first ask the provider to "
           "change the bill to match this estimate, to negotiate it, or whether financial help "
           "is available. To start a dispute you generally have 120 calendar days from the date "
           "on the original bill, and there is a small fee.")
WHERE_TO_LEARN = (f"To learn how to start a dispute, and about your right to a Good Faith "
                  f"Estimate, visit {NSA_HELP} or call {NSA_PHONE}.")
CARE_UNAFFECTED = ("Starting a dispute will not affect the quality of the care you receive "
                   "from this provider.")
KEEP_A_COPY = "Keep a copy or a picture of this Good Faith Estimate."


def estimate_story(gfe: GoodFaithEstimate) -> list[Flowable]:
    s = styles()
    p = gfe.provider
    story: list[Flowable] = [
        para("Good Faith Estimate", s.title),
        para("For a self-pay or uninsured client, as the No Surprises Act requires "
             "(45 CFR 149.610).", s.small),
        Spacer(1, 6),
        side_by_side(_client(gfe, s), _provider(gfe, s)),
        para("Expected care", s.heading),
        para(gfe.service_description or "—", s.body),
    ]
    if gfe.diagnoses:
        rows = [[cell(code, s), para(description, s.small)] for code, description in gfe.diagnoses]
        story += [para("Diagnosis codes", s.heading),
                  grid(("ICD-10-CM", "Description"), rows, (1.1, 5.9), s)]
    rows = [[cell(item.code, s), para(item.description, s.small), cell(str(item.quantity), s),
             cell(usd(item.unit_fee), s), cell(usd(item.total), s)] for item in gfe.items]
    story += [para(f"Expected items and services: {p.name or p.practice_name}", s.heading),
              grid(("Service code (CPT)", "Description", "Number expected", "Expected charge each",
                    "Expected charges"), rows, (1.1, 3.0, 0.9, 1.0, 1.0), s, right_columns=3),
              Spacer(1, 4),
              totals([("Total expected charges", usd(gfe.total))], s)]
    notices = [("Items or services scheduled separately", SEPARATE_SCHEDULING),
               ("Other items or services", OTHER_SERVICES),
               ("This is an estimate", ESTIMATE_ONLY),
               ("Not a contract", NOT_A_CONTRACT),
               ("Your right to dispute the bill", f"{DISPUTE} {WHERE_TO_LEARN}"),
               ("Your care is not affected", CARE_UNAFFECTED)]
    story.append(para("What you should know", s.heading))
    for title, text in notices:
        story.append(KeepTogether([para(title, s.small), para(text, s.body), Spacer(1, 3)]))
    story += [Spacer(1, 4), para(KEEP_A_COPY, s.body),
              para(f"Date issued: {date_text(gfe.issued_on)}", s.body)]
    return story


def _client(gfe: GoodFaithEstimate, s: Styles) -> list[Flowable]:
    rows = [("Client", gfe.client_name),
            ("Date of birth", date_text(gfe.client_date_of_birth)),
            ("Date issued", date_text(gfe.issued_on)),
            ("Covers", f"{date_text(gfe.period_start)} to {date_text(gfe.period_end)}")]
    return [para("Client", s.heading), pairs(rows, s)]


def _provider(gfe: GoodFaithEstimate, s: Styles) -> list[Flowable]:
    p = gfe.provider
    rows = [("Provider", p.name), ("Practice", p.practice_name), ("NPI", p.npi),
            ("Tax ID (TIN)", p.tax_id), ("Location", p.address.one_line()),
            ("State", p.address.state), ("License", p.license), ("Phone", p.phone),
            ("Email", p.email)]
    return [para("Provider", s.heading), pairs([r for r in rows if r[1]], s)]


def render_estimate(gfe: GoodFaithEstimate, out: Path) -> None:
    """Write the estimate to ``out`` atomically (the PDF metadata carries no PHI)."""
    decor = PageDecor(header=[f"Good Faith Estimate · {gfe.client_name} · issued "
                              f"{date_text(gfe.issued_on)}"],
                      footer=gfe.provider.practice_name or gfe.provider.name,
                      title="Good Faith Estimate")
    render_pdf(Path(out), estimate_story(gfe), decor)
