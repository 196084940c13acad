-- assessments_within_45wd: "of those [assessments completed], working days from
-- AssessmentActualStartDate to AssessmentAuthorisationDate ≤ 45" (DATA.md).
--
-- Working days from A to B are those after A up to and including B (DATA.md, Working days):
-- the calendar's working_day_index(B) − working_day_index(A). An authorisation on or before
-- its start date is 0 or fewer working days, so within 45. The calendar starts a year before
-- the period: a start date before it is more than 45 working days from any authorisation in
-- the period, and (finding no calendar day) is not counted as within.
SELECT count(*) AS assessments_within_45wd
FROM assessments
LEFT JOIN calendar AS started ON started.day = assessments.start_date
LEFT JOIN calendar AS authorised ON authorised.day = assessments.authorisation_date
WHERE assessments.authorisation_date BETWEEN $period_start AND $period_end
  AND assessments.start_date IS NOT NULL
  AND (
    assessments.start_date >= assessments.authorisation_date
    OR authorised.working_day_index - started.working_day_index <= 45
  )
