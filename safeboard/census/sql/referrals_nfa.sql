-- referrals_nfa: "of those [referrals in the period], ReferralNFA true/1" (DATA.md).
SELECT count(*) AS referrals_nfa
FROM referrals
WHERE referral_date BETWEEN $period_start AND $period_end
  AND referral_nfa
