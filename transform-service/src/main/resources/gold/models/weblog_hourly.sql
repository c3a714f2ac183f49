-- Web-server traffic per UTC hour and server. Silver derives server from the Kinesis partition key
-- the line was sent with; a line without one (none in the envelope) counts under 'unknown'.
WITH hits AS (
  SELECT
    date_trunc('hour', occurred_at) AS hour_start,
    coalesce(server, 'unknown') AS server,
    ip_hash, status, bytes, request_path,
    regexp_matches(coalesce(user_agent, ''), '(?i)bot|crawl|spider|slurp|facebookexternalhit')
      AS is_bot
  FROM silver_weblog
),
per_path AS (
  SELECT hour_start, server, request_path, count(*) AS hits
  FROM hits
  WHERE request_path IS NOT NULL
  GROUP BY ALL
),
-- The ten most requested paths as a JSON array, cut to whole entries that fit 2048 bytes.
ranked_paths AS (
  SELECT hour_start, server, entry,
    sum(strlen(entry) + 1) OVER (PARTITION BY hour_start, server ORDER BY rank
      ROWS UNBOUNDED PRECEDING) AS length_so_far
  FROM (
    SELECT hour_start, server,
      json_object('path', left(request_path, 200), 'hits', hits)::VARCHAR AS entry,
      row_number() OVER (PARTITION BY hour_start, server ORDER BY hits DESC, request_path) AS rank
    FROM per_path
  )
  WHERE rank <= 10
),
top_paths AS (
  SELECT hour_start, server, '[' || string_agg(entry, ',' ORDER BY length_so_far) || ']' AS top_paths
  FROM ranked_paths
  WHERE length_so_far + 1 <= 2048
  GROUP BY ALL
),
totals AS (
  SELECT
    hour_start, server,
    count(*) AS hits,
    count(DISTINCT ip_hash) AS unique_visitors,
    count(*) FILTER (WHERE status BETWEEN 200 AND 299) AS status_2xx,
    count(*) FILTER (WHERE status BETWEEN 300 AND 399) AS status_3xx,
    count(*) FILTER (WHERE status BETWEEN 400 AND 499) AS status_4xx,
    count(*) FILTER (WHERE status BETWEEN 500 AND 599) AS status_5xx,
    coalesce(sum(bytes), 0) AS bytes_sent,
    count(*) FILTER (WHERE is_bot) AS bot_hits
  FROM hits
  GROUP BY ALL
)
SELECT
  CAST(t.hour_start AS DATE) AS log_date,
  CAST(timezone('UTC', t.hour_start) AS TIMESTAMPTZ) AS hour_start,
  CAST(t.server AS VARCHAR) AS server,
  CAST(t.hits AS BIGINT) AS hits,
  CAST(t.unique_visitors AS BIGINT) AS unique_visitors,
  CAST(t.status_2xx AS BIGINT) AS status_2xx,
  CAST(t.status_3xx AS BIGINT) AS status_3xx,
  CAST(t.status_4xx AS BIGINT) AS status_4xx,
  CAST(t.status_5xx AS BIGINT) AS status_5xx,
  CAST(t.bytes_sent AS BIGINT) AS bytes_sent,
  CAST(t.bot_hits AS BIGINT) AS bot_hits,
  CAST(p.top_paths AS VARCHAR) AS top_paths
FROM totals t
LEFT JOIN top_paths p ON p.hour_start = t.hour_start AND p.server = t.server
