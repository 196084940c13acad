-- assessments_completed: "Assessments with AssessmentAuthorisationDate in the period and a
-- start date" (DATA.md). An assessment without an AssessmentActualStartDate is not counted.
SELECT count(*) AS assessments_completed
FROM assessments
WHERE authorisation_date BETWEEN $period_start AND $period_end
  AND start_date IS NOT NULL
