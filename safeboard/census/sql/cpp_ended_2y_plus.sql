-- cpp_ended_2y_plus: "of those [plans ended in the period], CPPendDate on or after
-- CPPstartDate + 2 calendar years" (DATA.md). DuckDB's year arithmetic clamps 29 February
-- to 28 February. A plan without a start date is not counted.
SELECT count(*) AS cpp_ended_2y_plus
FROM cp_plans
WHERE end_date BETWEEN $period_start AND $period_end
  AND end_date >= CAST(start_date + INTERVAL 2 YEAR AS DATE)
