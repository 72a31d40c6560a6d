-- FunnelQL warehouse schema, version 2: lifecycle stage entries in long form.
--
-- One row per stage a current contact has entered: CREATED at created_at, then each *_at column that is
-- set. Activity (ENTERED cohort) queries count rows of this view by the period of entered_at; stage_order
-- is the stage's position (CREATED 0 ... EVANGELIST 7). Dates are kept as the data says, even when a later
-- stage is dated before an earlier one.
CREATE VIEW stage_entries AS
SELECT contact_id,
       stage,
       CASE stage
           WHEN 'CREATED' THEN 0 WHEN 'SUBSCRIBER' THEN 1 WHEN 'LEAD' THEN 2 WHEN 'MQL' THEN 3
           WHEN 'SQL' THEN 4 WHEN 'OPPORTUNITY' THEN 5 WHEN 'CUSTOMER' THEN 6 WHEN 'EVANGELIST' THEN 7
       END AS stage_order,
       entered_at,
       source,
       channel,
       created_at
FROM (
    SELECT contact_id, source, channel, created_at,
           created_at AS "CREATED", subscriber_at AS "SUBSCRIBER", lead_at AS "LEAD", mql_at AS "MQL",
           sql_at AS "SQL", opportunity_at AS "OPPORTUNITY", customer_at AS "CUSTOMER", evangelist_at AS "EVANGELIST"
    FROM contacts
) UNPIVOT (entered_at FOR stage IN ("CREATED", "SUBSCRIBER", "LEAD", "MQL", "SQL", "OPPORTUNITY", "CUSTOMER", "EVANGELIST"));
