-- One survey submission, the transaction of server/dal/assessments.ts `submitResponse`
-- statement for statement, for pgbench (see bench/lib/submission/pgbench.mts). Each
-- transaction takes the next unused rater from pgbench_raters; taking it rides on the
-- cycle's share lock, so the transaction makes as many round trips as the app's. `today`
-- comes from the app's clock (pgbench -D), as the app passes it.
\set management random(1, 5)
\set leadership random(1, 5)
\set need random(-2, 2)
BEGIN;
SELECT c.state, b.rater_id, b.cycle_id, b.manager_id
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
INSERT INTO responses (cycle_id, manager_id, comment) VALUES (:cycle_id, :manager_id, NULL) RETURNING id \gset response_
INSERT INTO response_answers (response_id, aspect, management, leadership, need) VALUES
  (:response_id, 'focus', :management, :leadership, :need),
  (:response_id, 'decision_making', :management, :leadership, :need),
  (:response_id, 'motivation', :management, :leadership, :need),
  (:response_id, 'communication', :management, :leadership, :need),
  (:response_id, 'adaptability', :management, :leadership, :need),
  (:response_id, 'conflict_resolution', :management, :leadership, :need),
  (:response_id, 'development', :management, :leadership, :need);
COMMIT;
