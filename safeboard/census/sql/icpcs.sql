-- icpcs: "Section47 with DateOfInitialCPC in the period and a S47ActualStartDate" (DATA.md).
-- The conference date is the one inside the Section47 element; one without a Section 47
-- start date is not counted.
SELECT count(*) AS icpcs
FROM section47
WHERE icpc_date BETWEEN $period_start AND $period_end
  AND start_date IS NOT NULL
