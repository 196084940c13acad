-- s47_enquiries: "Section47 with S47ActualStartDate in the period" (DATA.md).
SELECT count(*) AS s47_enquiries
FROM section47
WHERE start_date BETWEEN $period_start AND $period_end
