-- re_referrals_12m: "referrals in the period for which the same child has another, earlier
-- referral dated on or after the day 12 calendar months before it (29 Feb → 28 Feb)" (DATA.md).
--
-- Decisions:
-- * "earlier" means dated strictly before: a second referral on the same day is not earlier,
--   so neither of two same-day referrals makes the other a re-referral.
-- * The earlier referral may be in any file read together (last year's file included) and
--   need not itself be in the period.
-- * 12 calendar months before uses DuckDB's month arithmetic, which clamps to the end of the
--   month: 29 Feb 2024 − 12 months = 28 Feb 2023.
SELECT count(*) AS re_referrals_12m
FROM referrals AS referral
WHERE referral.referral_date BETWEEN $period_start AND $period_end
  AND EXISTS (
    SELECT 1
    FROM referrals AS earlier
    WHERE earlier.child_id = referral.child_id
      AND earlier.referral_date < referral.referral_date
      AND earlier.referral_date >= CAST(referral.referral_date - INTERVAL 12 MONTH AS DATE)
  )
