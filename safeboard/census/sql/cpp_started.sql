-- cpp_started: "ChildProtectionPlans with CPPstartDate in the period" (DATA.md).
SELECT count(*) AS cpp_started
FROM cp_plans
WHERE start_date BETWEEN $period_start AND $period_end
