"""Where each value goes on the CMS-1500 (02/12) claim form.

The form is designed on a grid of 10 characters per inch and 6 lines per inch (NUCC print
specifications): a value is placed at a line (1-66) and a column (1-80), as claim printers and
other practice software place them. ``BOXES`` are the outlines and labels drawn for the plain
version on blank paper, on the same grid, so both versions put every value in the same spot.
"""

from __future__ import annotations

from dataclasses import dataclass

COLUMN = 7.2  # points per character: 10 per inch
LINE = 12.0  # points per line: 6 per inch
LEFT = 24.0  # points from the paper's left edge to column 1 (before the alignment offset)
TOP = 20.0  # points from the paper's top edge to the top of line 1
BASELINE = 9.5  # points from the top of a line to the baseline of its text
FIRST_SERVICE_LINE = 44  # data line of box 24's first service line; each next is two below


@dataclass(frozen=True)
class Spot:
    line: int
    col: int
    width: int  # characters at most


# Text values (box -> spot). Service lines are placed from SERVICE (line offset 0).
SPOTS: dict[str, Spot] = {
    "payer": Spot(2, 41, 31), "payer_street": Spot(4, 41, 31), "payer_city": Spot(5, 41, 31),
    "1a": Spot(8, 50, 29),
    "2": Spot(10, 1, 28), "3_mm": Spot(10, 31, 2), "3_dd": Spot(10, 34, 2),
    "3_yyyy": Spot(10, 37, 4), "4": Spot(10, 50, 29),
    "5_street": Spot(12, 1, 28), "7_street": Spot(12, 50, 29),
    "5_city": Spot(14, 1, 24), "5_state": Spot(14, 26, 3),
    "7_city": Spot(14, 50, 23), "7_state": Spot(14, 74, 3),
    "5_zip": Spot(16, 1, 12), "5_area": Spot(16, 15, 3), "5_phone": Spot(16, 19, 8),
    "7_zip": Spot(16, 50, 12), "7_area": Spot(16, 65, 3), "7_phone": Spot(16, 69, 8),
    "9": Spot(18, 1, 28), "11": Spot(18, 50, 29),
    "9a": Spot(20, 1, 28), "11a_mm": Spot(20, 53, 2), "11a_dd": Spot(20, 56, 2),
    "11a_yyyy": Spot(20, 59, 4),
    "11b": Spot(22, 50, 29), "11c": Spot(24, 50, 29), "9d": Spot(26, 1, 28),
    "12": Spot(29, 7, 22), "12_date": Spot(29, 37, 10), "13": Spot(29, 56, 22),
    "21_ind": Spot(37, 42, 1), "22_code": Spot(38, 50, 10), "22_ref": Spot(38, 62, 15),
    "23": Spot(40, 50, 28),
    "25": Spot(56, 1, 15), "26": Spot(56, 23, 14), "28": Spot(56, 52, 8),
    "29": Spot(56, 62, 8),
    "33_area": Spot(57, 66, 3), "33_phone": Spot(57, 70, 8),
    "32_name": Spot(58, 23, 26), "33_name": Spot(58, 50, 29),
    "32_street": Spot(59, 23, 26), "33_street": Spot(59, 50, 29),
    "31": Spot(60, 1, 21), "32_city": Spot(60, 23, 26), "33_city": Spot(60, 50, 29),
    "31_date": Spot(61, 6, 10), "32a": Spot(61, 23, 10), "33a": Spot(61, 50, 10),
    "33b": Spot(61, 63, 16),
}

# Box 21's twelve diagnoses: A-D on line 38, E-H on 39, I-L on 40, thirteen columns apart.
DIAGNOSIS_LINE, DIAGNOSIS_COL, DIAGNOSIS_STEP, DIAGNOSIS_WIDTH = 38, 3, 13, 8

# One service line of box 24 (line offset from the line's data row).
SERVICE: dict[str, Spot] = {
    "from_mm": Spot(0, 1, 2), "from_dd": Spot(0, 4, 2), "from_yy": Spot(0, 7, 2),
    "to_mm": Spot(0, 10, 2), "to_dd": Spot(0, 13, 2), "to_yy": Spot(0, 16, 2),
    "pos": Spot(0, 19, 2), "code": Spot(0, 25, 6), "mod1": Spot(0, 33, 2),
    "mod2": Spot(0, 36, 2), "mod3": Spot(0, 39, 2), "mod4": Spot(0, 42, 2),
    "pointer": Spot(0, 45, 4), "charge": Spot(0, 50, 8), "units": Spot(0, 59, 3),
    "npi": Spot(0, 68, 10),
}

# Check boxes: an X at (line, column).
CHECKS: dict[str, tuple[int, int]] = {
    "1_medicare": (8, 1), "1_medicaid": (8, 8), "1_tricare": (8, 15), "1_champva": (8, 24),
    "1_group": (8, 31), "1_feca": (8, 39), "1_other": (8, 45),
    "3_m": (10, 42), "3_f": (10, 47),
    "6_self": (12, 33), "6_spouse": (12, 38), "6_child": (12, 42), "6_other": (12, 47),
    "10a_yes": (20, 35), "10a_no": (20, 41), "11a_m": (20, 68), "11a_f": (20, 75),
    "10b_yes": (22, 35), "10b_no": (22, 41), "10c_yes": (24, 35), "10c_no": (24, 41),
    "11d_yes": (26, 52), "11d_no": (26, 57),
    "20_yes": (36, 52), "20_no": (36, 57),
    "25_ssn": (56, 17), "25_ein": (56, 19), "27_yes": (56, 38), "27_no": (56, 43),
}

# Short labels beside the check boxes on the plain version.
CHECK_LABELS: dict[str, str] = {
    "1_medicare": "MEDICARE", "1_medicaid": "MEDICAID", "1_tricare": "TRICARE",
    "1_champva": "CHAMPVA", "1_group": "GROUP", "1_feca": "FECA", "1_other": "OTHER",
    "3_m": "M", "3_f": "F", "6_self": "Self", "6_spouse": "Spouse", "6_child": "Child",
    "6_other": "Other", "10a_yes": "YES", "10a_no": "NO", "10b_yes": "YES", "10b_no": "NO",
    "10c_yes": "YES", "10c_no": "NO", "11a_m": "M", "11a_f": "F", "11d_yes": "YES",
    "11d_no": "NO", "20_yes": "YES", "20_no": "NO", "25_ssn": "SSN", "25_ein": "EIN",
    "27_yes": "YES", "27_no": "NO",
}


@dataclass(frozen=True)
class Box:
    """An outlined box of the plain form: lines [top, bottom), columns [left, right)."""

    top: int
    bottom: int
    left: int
    right: int
    label: str
    shaded: bool = False


def _service_rows() -> tuple[Box, ...]:
    rows = []
    for i in range(6):
        top = FIRST_SERVICE_LINE - 1 + 2 * i
        rows.append(Box(top, top + 1, 1, 81, "", shaded=True))
        rows.append(Box(top + 1, top + 2, 1, 81, f"{i + 1}"))
    return tuple(rows)


BOXES: tuple[Box, ...] = (
    Box(1, 6, 41, 81, "CARRIER: payer and claims address"),
    Box(7, 9, 1, 50, "1. MEDICARE  MEDICAID  TRICARE  CHAMPVA  GROUP HEALTH PLAN  FECA  OTHER"),
    Box(7, 9, 50, 81, "1a. INSURED'S I.D. NUMBER (For Program in Item 1)"),
    Box(9, 11, 1, 30, "2. PATIENT'S NAME (Last Name, First Name, Middle Initial)"),
    Box(9, 11, 30, 50, "3. PATIENT'S BIRTH DATE (MM DD YY)  SEX"),
    Box(9, 11, 50, 81, "4. INSURED'S NAME (Last Name, First Name, Middle Initial)"),
    Box(11, 13, 1, 30, "5. PATIENT'S ADDRESS (No., Street)"),
    Box(11, 13, 30, 50, "6. PATIENT RELATIONSHIP TO INSURED"),
    Box(11, 13, 50, 81, "7. INSURED'S ADDRESS (No., Street)"),
    Box(13, 15, 1, 25, "CITY"), Box(13, 15, 25, 30, "STATE"),
    Box(13, 17, 30, 50, "8. RESERVED FOR NUCC USE"),
    Box(13, 15, 50, 73, "CITY"), Box(13, 15, 73, 81, "STATE"),
    Box(15, 17, 1, 14, "ZIP CODE"), Box(15, 17, 14, 30, "TELEPHONE (Include Area Code)"),
    Box(15, 17, 50, 64, "ZIP CODE"), Box(15, 17, 64, 81, "TELEPHONE (Include Area Code)"),
    Box(17, 19, 1, 30, "9. OTHER INSURED'S NAME (Last Name, First Name, Middle Initial)"),
    Box(17, 19, 30, 50, "10. IS PATIENT'S CONDITION RELATED TO:"),
    Box(17, 19, 50, 81, "11. INSURED'S POLICY GROUP OR FECA NUMBER"),
    Box(19, 21, 1, 30, "a. OTHER INSURED'S POLICY OR GROUP NUMBER"),
    Box(19, 21, 30, 50, "a. EMPLOYMENT? (Current or Previous)"),
    Box(19, 21, 50, 81, "a. INSURED'S DATE OF BIRTH (MM DD YY)  SEX"),
    Box(21, 23, 1, 30, "b. RESERVED FOR NUCC USE"),
    Box(21, 23, 30, 50, "b. AUTO ACCIDENT?  PLACE (State)"),
    Box(21, 23, 50, 81, "b. OTHER CLAIM ID (Designated by NUCC)"),
    Box(23, 25, 1, 30, "c. RESERVED FOR NUCC USE"),
    Box(23, 25, 30, 50, "c. OTHER ACCIDENT?"),
    Box(23, 25, 50, 81, "c. INSURANCE PLAN NAME OR PROGRAM NAME"),
    Box(25, 27, 1, 30, "d. INSURANCE PLAN NAME OR PROGRAM NAME"),
    Box(25, 27, 30, 50, "10d. CLAIM CODES (Designated by NUCC)"),
    Box(25, 27, 50, 81, "d. IS THERE ANOTHER HEALTH BENEFIT PLAN?"),
    Box(27, 30, 1, 50, "12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE: release of any "
                       "information needed to process this claim\nSIGNED"
                       "                                                                  DATE"),
    Box(27, 30, 50, 81, "13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE:\npayment of "
                        "benefits to the provider   SIGNED"),
    Box(31, 33, 1, 30, "14. DATE OF CURRENT ILLNESS, INJURY, or PREGNANCY (LMP)"),
    Box(31, 33, 30, 50, "15. OTHER DATE"),
    Box(31, 33, 50, 81, "16. DATES PATIENT UNABLE TO WORK IN CURRENT OCCUPATION"),
    Box(33, 35, 1, 30, "17. NAME OF REFERRING PROVIDER OR OTHER SOURCE"),
    Box(33, 35, 30, 50, "17a.  17b. NPI"),
    Box(33, 35, 50, 81, "18. HOSPITALIZATION DATES RELATED TO CURRENT SERVICES"),
    Box(35, 37, 1, 50, "19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)"),
    Box(35, 37, 50, 81, "20. OUTSIDE LAB?  $ CHARGES"),
    Box(37, 41, 1, 50, "21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY  Relate A-L to service "
                       "line below (24E)   ICD Ind."),
    Box(37, 39, 50, 81, "22. RESUBMISSION CODE  ORIGINAL REF. NO."),
    Box(39, 41, 50, 81, "23. PRIOR AUTHORIZATION NUMBER"),
    Box(41, 43, 1, 19, "24. A. DATE(S) OF SERVICE\nFrom MM DD YY     To MM DD YY"),
    Box(41, 43, 19, 22, "B.\nPOS"), Box(41, 43, 22, 25, "C.\nEMG"),
    Box(41, 43, 25, 45, "D. PROCEDURES, SERVICES, OR SUPPLIES\nCPT/HCPCS           MODIFIER"),
    Box(41, 43, 45, 50, "E. DIAGNOSIS\nPOINTER"), Box(41, 43, 50, 59, "F.\n$ CHARGES"),
    Box(41, 43, 59, 63, "G. DAYS\nOR UNITS"), Box(41, 43, 63, 65, "H.\nEPSDT"),
    Box(41, 43, 65, 68, "I. ID\nQUAL."), Box(41, 43, 68, 81, "J. RENDERING\nPROVIDER ID. #"),
    *_service_rows(),
    Box(55, 57, 1, 22, "25. FEDERAL TAX I.D. NUMBER"),
    Box(55, 57, 22, 37, "26. PATIENT'S ACCOUNT NO."),
    Box(55, 57, 37, 50, "27. ACCEPT ASSIGNMENT?"),
    Box(55, 57, 50, 61, "28. TOTAL CHARGE"), Box(55, 57, 61, 71, "29. AMOUNT PAID"),
    Box(55, 57, 71, 81, "30. Rsvd for NUCC Use"),
    Box(57, 62, 1, 22, "31. SIGNATURE OF PHYSICIAN OR SUPPLIER\nINCLUDING DEGREES OR "
                       "CREDENTIALS"),
    Box(57, 61, 22, 50, "32. SERVICE FACILITY LOCATION INFORMATION"),
    Box(61, 62, 22, 35, "32a. NPI"), Box(61, 62, 35, 50, "32b."),
    Box(57, 61, 50, 81, "33. BILLING PROVIDER INFO & PH #"),
    Box(61, 62, 50, 62, "33a. NPI"), Box(61, 62, 62, 81, "33b."),
)

# The service line's column edges on the plain form (A from, A to, B ... J).
SERVICE_COLUMN_EDGES: tuple[int, ...] = (10, 19, 22, 25, 33, 45, 50, 59, 63, 65, 68)
