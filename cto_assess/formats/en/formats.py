"""English dates: one format, day month year ("7 Dec 2026"), never "Dec. 7, 2026" beside
"12/07/2026" on one page (which also reads as 12 July to much of the world)."""

DATE_FORMAT = SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
