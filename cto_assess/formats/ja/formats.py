"""Japanese dates: one format, 2026年12月7日, in long and short places alike."""

DATE_FORMAT = SHORT_DATE_FORMAT = "Y年n月j日"
DATETIME_FORMAT = SHORT_DATETIME_FORMAT = "Y年n月j日 H:i"
MONTH_DAY_FORMAT = "n月j日"
YEAR_MONTH_FORMAT = "Y年n月"
TIME_FORMAT = "H:i"
