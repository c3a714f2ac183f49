CREATE TABLE merge_probe (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL,
  total NUMERIC(12, 2) NOT NULL
);
CREATE TABLE merge_probe_stage (LIKE merge_probe);
