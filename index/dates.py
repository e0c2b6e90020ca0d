"""Month and season names as the date shapes of metadata, entities and citations spell them."""

MONTHS = "january february march april may june july august september october november december".split()
FULL_MONTH = "|".join(m.capitalize() for m in MONTHS)
# A month as a text may write it in a date: in full, or abbreviated with a dot ("Sept.", "Dec.").
MONTH = rf"(?:{FULL_MONTH}|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
SEASON = "Spring|Summer|Fall|Autumn|Winter"
