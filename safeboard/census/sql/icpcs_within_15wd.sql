-- icpcs_within_15wd: "of those [icpcs], working days from S47ActualStartDate to
-- DateOfInitialCPC ≤ 15" (DATA.md).
--
-- Working days from A to B are those after A up to and including B (DATA.md, Working days):
-- the calendar's working_day_index(B) − working_day_index(A). A conference on or before the
-- Section 47 start is 0 or fewer working days, so within 15. A start before the calendar (a
-- year before the period) is more than 15 working days away, so not within.
SELECT count(*) AS icpcs_within_15wd
FROM section47
LEFT JOIN calendar AS started ON started.day = section47.start_date
LEFT JOIN calendar AS conference ON conference.day = section47.icpc_date
WHERE section47.icpc_date BETWEEN $period_start AND $period_end
  AND section47.start_date IS NOT NULL
  AND (
    section47.start_date >= section47.icpc_date
    OR conference.working_day_index - started.working_day_index <= 15
  )
