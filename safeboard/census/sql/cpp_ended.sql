-- cpp_ended: "plans with CPPendDate in the period" (DATA.md).
SELECT count(*) AS cpp_ended
FROM cp_plans
WHERE end_date BETWEEN $period_start AND $period_end
