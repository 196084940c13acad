-- referrals: "CINdetails whose CINreferralDate is in the period" (DATA.md, Census indicators).
-- "In the period" includes both ends: 1 April to the reference date (31 March).
SELECT count(*) AS referrals
FROM referrals
WHERE referral_date BETWEEN $period_start AND $period_end
