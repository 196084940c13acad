"""The categories of death a child death overview panel records, from the Child Death Review
Statutory and Operational Guidance (England, 2018), analysis form. Seeded as data by a
migration so a partnership may retire or add one without a release."""

CATEGORIES = [
    (1, "Deliberately inflicted injury, abuse or neglect"),
    (2, "Suicide or deliberate self-inflicted harm"),
    (3, "Trauma and other external factors, including medical or surgical complications"),
    (4, "Malignancy"),
    (5, "Acute medical or surgical condition"),
    (6, "Chronic medical condition"),
    (7, "Chromosomal, genetic and congenital anomalies"),
    (8, "Perinatal or neonatal event"),
    (9, "Infection"),
    (10, "Sudden unexpected, unexplained death"),
]
