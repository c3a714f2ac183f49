-- Per zip and day the observation when there is one, else the most recently issued forecast.
SELECT
  CAST(zip AS VARCHAR) AS zip,
  CAST(weather_date AS DATE) AS weather_date,
  CAST(kind AS VARCHAR) AS kind,
  CAST(temp_max_f AS DOUBLE) AS temp_max_f,
  CAST(temp_min_f AS DOUBLE) AS temp_min_f,
  CAST(precipitation_in AS DOUBLE) AS precipitation_in,
  CAST(condition AS VARCHAR) AS condition
FROM silver_weather
QUALIFY row_number() OVER (
  PARTITION BY zip, weather_date
  ORDER BY kind = 'observed' DESC, issued_date DESC, _ingested_at DESC, _record_key
) = 1
