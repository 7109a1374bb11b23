"""The short words a report labels its numbers' measure with: "kế hoạch"
or "KH" (the plan), "thực hiện" or "TH" (what was done), "giải ngân" and
"dự toán". One home for them: a pair's labels ("KH/TH:"), a bare amount's
label ("KH 9") and a year after its measure ("KH 2025") are the same
words. The words that say a measure anywhere in a clause (with their
many phrasings) are ``cues.MEASURE_WORDS``."""

#: the plan's label
PLAN_LABELS = r"kế hoạch|KH"
#: what was done's label
DONE_LABELS = r"thực hiện|TH"
#: every measure label
MEASURE_LABELS = rf"{PLAN_LABELS}|{DONE_LABELS}|giải ngân|dự toán"
