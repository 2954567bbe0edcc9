"""The CMS-1500 (02/12) as a PDF: the values of each box at the form's grid positions, either
alone (to print onto the red pre-printed form, shifted by the printer's alignment offsets) or
over the form's outlines and labels (the plain version, on blank paper).

Values are drawn in Courier 12, which is exactly 10 characters per inch: the pitch the form is
designed for. What goes in each box comes from app.billing.claims.Claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from app.pdf.cms1500_layout import (
    BASELINE,
    BOXES,
    CHECK_LABELS,
    CHECKS,
    COLUMN,
    DIAGNOSIS_COL,
    DIAGNOSIS_LINE,
    DIAGNOSIS_STEP,
    DIAGNOSIS_WIDTH,
    FIRST_SERVICE_LINE,
    LEFT,
    LINE,
    SERVICE,
    SERVICE_COLUMN_EDGES,
    SPOTS,
    TOP,
    Box,
    Spot,
)
from app.pdf.document import render_canvas
from models.common import date_text
from models.insurance import PlanType, Relationship

if TYPE_CHECKING:
    from app.billing.claim_form import Claim, ClaimLine

DATA_FONT, DATA_SIZE = "Courier", 12
LABEL_FONT, LABEL_SIZE = "Helvetica", 4.6
FORM_RED = colors.Color(0.75, 0.12, 0.12)
MAX_OFFSET_INCHES = 1.0
PAGE_HEIGHT: float = float(LETTER[1])


@dataclass(frozen=True)
class Alignment:
    """How far the printer puts things off the pre-printed form: inches right and down
    (negative: left and up). A setting of this device (DeviceSettings)."""

    right: float = 0.0
    down: float = 0.0

    def clamped(self) -> Alignment:
        def clamp(x: float) -> float:
            return max(-MAX_OFFSET_INCHES, min(MAX_OFFSET_INCHES, x))

        return Alignment(clamp(self.right), clamp(self.down))


Placed = tuple[int, int, str]  # line, column, text


def _put(values: list[Placed], spot: Spot, text: str, line_offset: int = 0) -> None:
    if text:
        values.append((spot.line + line_offset, spot.col, text[:spot.width]))


def _date_parts(day: date | None, year_digits: int = 4) -> tuple[str, str, str]:
    if day is None:
        return "", "", ""
    year = f"{day.year:04d}"[-year_digits:]
    return f"{day.month:02d}", f"{day.day:02d}", year


def money_text(amount: Decimal, width: int = 8) -> str:
    """Dollars and cents with the period left out, right-aligned: the form prints the dot."""
    return f"{amount:{width}.2f}".replace(".", " ")


_PLAN_CHECK = {PlanType.MEDICARE: "1_medicare", PlanType.MEDICAID: "1_medicaid",
               PlanType.TRICARE: "1_tricare", PlanType.CHAMPVA: "1_champva",
               PlanType.GROUP: "1_group", PlanType.FECA: "1_feca", PlanType.OTHER: "1_other"}


def claim_values(claim: Claim) -> tuple[list[Placed], list[str]]:
    """Every value of one form at its grid position, and the check boxes marked."""
    v: list[Placed] = []
    s = SPOTS
    _put(v, s["payer"], claim.payer)
    _put(v, s["payer_street"], claim.payer_address.street)
    _put(v, s["payer_city"], _city_line(claim.payer_address))
    checks = [_PLAN_CHECK[claim.plan_type]]
    _put(v, s["1a"], claim.member_id)
    p, ins = claim.patient, claim.insured
    _put(v, s["2"], p.name)
    for key, part in zip(("3_mm", "3_dd", "3_yyyy"), _date_parts(p.date_of_birth), strict=True):
        _put(v, s[key], part)
    if p.sex:
        checks.append(f"3_{p.sex.lower()}")
    _put(v, s["4"], ins.name)
    checks.append(f"6_{claim.relationship.value}")
    for side, person in (("5", p), ("7", ins)):
        _put(v, s[f"{side}_street"], person.address.street)
        _put(v, s[f"{side}_city"], person.address.city)
        _put(v, s[f"{side}_state"], person.address.state)
        _put(v, s[f"{side}_zip"], person.address.postal_code)
        _put(v, s[f"{side}_area"], person.phone[:3])
        _put(v, s[f"{side}_phone"], _phone_rest(person.phone))
    _put(v, s["9"], claim.other_insured_name)
    _put(v, s["9a"], claim.other_policy)
    _put(v, s["9d"], claim.other_plan_name)
    _put(v, s["11"], claim.group_number)
    if claim.relationship is not Relationship.SELF or ins.date_of_birth:
        for key, part in zip(("11a_mm", "11a_dd", "11a_yyyy"), _date_parts(ins.date_of_birth),
                             strict=True):
            _put(v, s[key], part)
        if ins.sex:
            checks.append(f"11a_{ins.sex.lower()}")
    _put(v, s["11c"], claim.plan_name)
    checks += ["10a_no", "10b_no", "10c_no", "20_no",
               "11d_yes" if claim.has_other_plan else "11d_no"]
    if claim.release_on_file:
        _put(v, s["12"], "SIGNATURE ON FILE")
        _put(v, s["12_date"], date_text(claim.release_on_file))
    if claim.assignment_on_file:
        _put(v, s["13"], "SIGNATURE ON FILE")
    _put(v, s["21_ind"], "0")  # ICD-10-CM
    for i, code in enumerate(claim.diagnoses[:12]):
        row, column = divmod(i, 4)
        v.append((DIAGNOSIS_LINE + row, DIAGNOSIS_COL + DIAGNOSIS_STEP * column,
                  code[:DIAGNOSIS_WIDTH]))
    _put(v, s["23"], claim.prior_authorization)
    for i, line in enumerate(claim.lines[:6]):
        _service_line(v, line, FIRST_SERVICE_LINE + 2 * i)
    _put(v, s["25"], claim.tax_id)
    checks.append("25_ssn" if claim.tax_id_kind == "SSN" else "25_ein")
    _put(v, s["26"], claim.account_number)
    checks.append("27_yes" if claim.assignment_on_file else "27_no")
    _put(v, s["28"], money_text(claim.total_charge))
    _put(v, s["29"], money_text(claim.amount_paid))
    _put(v, s["31"], claim.signer)
    _put(v, s["31_date"], date_text(claim.signed_on))
    _put(v, s["32_name"], claim.facility_name)
    _put(v, s["32_street"], claim.facility_address.street)
    _put(v, s["32_city"], _city_line(claim.facility_address))
    _put(v, s["33_area"], claim.billing_phone[:3])
    _put(v, s["33_phone"], _phone_rest(claim.billing_phone))
    _put(v, s["33_name"], claim.billing_name)
    _put(v, s["33_street"], claim.billing_address.street)
    _put(v, s["33_city"], _city_line(claim.billing_address))
    _put(v, s["33a"], claim.billing_npi)
    if claim.billing_taxonomy:
        _put(v, s["33b"], f"ZZ{claim.billing_taxonomy}")
    return v, checks


def _service_line(v: list[Placed], line: ClaimLine, row: int) -> None:
    at = SERVICE
    mm, dd, yy = _date_parts(line.day, year_digits=2)
    for prefix in ("from", "to"):
        _put(v, at[f"{prefix}_mm"], mm, row)
        _put(v, at[f"{prefix}_dd"], dd, row)
        _put(v, at[f"{prefix}_yy"], yy, row)
    _put(v, at["pos"], line.place_of_service, row)
    _put(v, at["code"], line.code, row)
    for i, modifier in enumerate(line.modifiers[:4]):
        _put(v, at[f"mod{i + 1}"], modifier, row)
    _put(v, at["pointer"], line.pointers, row)
    _put(v, at["charge"], money_text(line.charge), row)
    _put(v, at["units"], str(line.units), row)
    _put(v, at["npi"], line.rendering_npi, row)


def _city_line(a: object) -> str:
    city, state, postal = (getattr(a, k, "") for k in ("city", "state", "postal_code"))
    return " ".join(x for x in (city, state, postal) if x)


def _phone_rest(phone: str) -> str:
    rest = phone[3:10]
    return f"{rest[:3]}-{rest[3:]}" if len(rest) == 7 else rest


# --- drawing ---------------------------------------------------------------------------------

def _x(col: float, a: Alignment) -> float:
    return LEFT + (col - 1) * COLUMN + float(a.right * inch)


def _y(line: float, a: Alignment) -> float:
    """The baseline of ``line`` in PDF coordinates (from the bottom of the page)."""
    return PAGE_HEIGHT - (TOP + (line - 1) * LINE + BASELINE) - float(a.down * inch)


def _top(line: int) -> float:
    return PAGE_HEIGHT - (TOP + (line - 1) * LINE)


def _draw_form(c: Canvas, form: int, forms: int) -> None:
    """The outlines and labels of the plain version (never offset: it is its own paper)."""
    c.saveState()
    c.setStrokeColor(FORM_RED)
    c.setFillColor(FORM_RED)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(_x(1, Alignment()), _top(2) - 9, "HEALTH INSURANCE CLAIM FORM")
    c.setFont("Helvetica", 6)
    c.drawString(_x(1, Alignment()), _top(3) - 7,
                 "CMS-1500 (02/12) layout, printed on plain paper by Stillnote")
    c.drawString(_x(1, Alignment()), _top(4) - 7, f"Form {form} of {forms}")
    for box in BOXES:
        _draw_box(c, box)
    for key, (line, col) in CHECKS.items():
        x, base = _x(col, Alignment()), _y(line, Alignment())
        c.setLineWidth(0.4)
        c.rect(x - 0.5, base - 1.5, COLUMN + 1, 9, stroke=1, fill=0)
        c.setFont(LABEL_FONT, LABEL_SIZE)
        c.drawString(x + COLUMN + 1.5, base + 1, CHECK_LABELS.get(key, ""))
    c.restoreState()


def _draw_box(c: Canvas, box: Box) -> None:
    left, right = _x(box.left, Alignment()) - 2, _x(box.right, Alignment()) - 2
    top, bottom = _top(box.top), _top(box.bottom)
    c.setLineWidth(0.6)
    if box.shaded:
        c.setFillColor(colors.Color(0.98, 0.9, 0.9))
        c.rect(left, bottom, right - left, top - bottom, stroke=0, fill=1)
        c.setFillColor(FORM_RED)
        for edge in SERVICE_COLUMN_EDGES:  # the columns run through both halves of a line
            x = _x(edge, Alignment()) - 2
            c.line(x, bottom - LINE, x, top)
    c.rect(left, bottom, right - left, top - bottom, stroke=1, fill=0)
    c.setFont(LABEL_FONT, LABEL_SIZE)
    for row, text in enumerate(box.label.split("\n") if box.label else ()):
        c.drawString(left + 1.5, top - (LABEL_SIZE + 0.6) * (row + 1), text)


def _draw_values(c: Canvas, claim: Claim, a: Alignment) -> None:
    values, checks = claim_values(claim)
    c.setFillColor(colors.black)
    c.setFont(DATA_FONT, DATA_SIZE)
    for line, col, text in values:
        c.drawString(_x(col, a), _y(line, a), text)
    for key in checks:
        line, col = CHECKS[key]
        c.drawString(_x(col, a), _y(line, a), "X")


def render_claim(forms: Sequence[Claim], out: Path, *, data_only: bool,
                 alignment: Alignment) -> None:
    """One page per form; ``data_only`` leaves the form itself out (red pre-printed paper)."""
    a = alignment.clamped() if data_only else Alignment()

    def draw(c: Canvas) -> None:
        for number, claim in enumerate(forms, start=1):
            if not data_only:
                _draw_form(c, number, len(forms))
            _draw_values(c, claim, a)
            c.showPage()

    render_canvas(Path(out), draw, "CMS-1500 claim")
