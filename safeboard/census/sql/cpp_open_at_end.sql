-- cpp_open_at_end: "plans with CPPstartDate ≤ period end and no CPPendDate or one after it"
-- (DATA.md).
--
-- Decision: a plan still open at the end of one year is in that year's file and again in the
-- next; read together, the copies are one plan. A plan is known by its child and start date,
-- counted once, and is not open at the end if any file records it ending on or before then.
SELECT count(DISTINCT (plan.child_id, plan.start_date)) AS cpp_open_at_end
FROM cp_plans AS plan
WHERE plan.start_date <= $period_end
  AND (plan.end_date IS NULL OR plan.end_date > $period_end)
  AND NOT EXISTS (
    SELECT 1
    FROM cp_plans AS ended
    WHERE ended.child_id = plan.child_id
      AND ended.start_date = plan.start_date
      AND ended.end_date <= $period_end
  )
