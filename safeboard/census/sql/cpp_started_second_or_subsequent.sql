-- cpp_started_second_or_subsequent: "of those [plans started in the period],
-- NumberOfPreviousCPP ≥ 1" (DATA.md). A missing NumberOfPreviousCPP is not counted.
SELECT count(*) AS cpp_started_second_or_subsequent
FROM cp_plans
WHERE start_date BETWEEN $period_start AND $period_end
  AND previous_plans >= 1
