-- One survey submission, the transaction of server/dal/assessments.ts `submitResponse`
-- statement for statement, for pgbench (see bench/lib/submission/pgbench.mts). Each
-- transaction takes the next unused rater from pgbench_raters; taking it rides on the
-- cycle's share lock, so the transaction makes as many round trips as the app's. `today`
-- comes from the app's clock (pgbench -D), as the app passes it.
--
-- While a cycle is open a submission writes its participation and ONE sealed row into the
-- cycle's partition of sealed_responses; responses and response_answers are only written
-- by the close. The sealing itself (AES-256-GCM, in the app) has no place in SQL: `sealed`
-- (pgbench -D, hex) is SEALED_BYTES random bytes, the length of every real seal, random so
-- that TOAST finds it as incompressible as real ciphertext. Every transaction stores the
-- same bytes, which changes nothing for PostgreSQL: rows are compressed one by one.
BEGIN;
SELECT c.state, c.seal_key_fingerprint, b.rater_id, b.cycle_id, b.manager_id
  FROM pgbench_raters b JOIN cycles c ON c.id = b.cycle_id
  WHERE b.n = (SELECT nextval('pgbench_rater_seq'))
  FOR SHARE OF c \gset
SELECT c.id, c.name, c.closes_on, c.state, m.id AS manager_id, m.name AS manager_name,
    a.rater_id = a.manager_id AS is_self,
    CASE WHEN a.rater_id = a.manager_id
      THEN EXISTS (SELECT 1 FROM self_assessments s WHERE s.cycle_id = c.id AND s.manager_id = m.id)
      ELSE EXISTS (SELECT 1 FROM participations p WHERE p.cycle_id = c.id AND p.rater_id = a.rater_id AND p.manager_id = m.id) END AS done
  FROM cycle_assignments a
  JOIN cycles c ON c.id = a.cycle_id
  JOIN people m ON m.id = a.manager_id
  WHERE a.cycle_id = :cycle_id AND a.rater_id = :rater_id AND a.manager_id = :manager_id;
INSERT INTO participations (cycle_id, rater_id, manager_id, submitted_on) VALUES (:cycle_id, :rater_id, :manager_id, :today)
  ON CONFLICT DO NOTHING RETURNING rater_id;
INSERT INTO sealed_responses (cycle_id, manager_id, sealed) VALUES (:cycle_id, :manager_id, decode(:sealed, 'hex'));
COMMIT;
