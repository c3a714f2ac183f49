-- Every CRM version of every customer; PII stays as silver's tokens and keyed hashes. Silver keeps
-- the date of birth only as a token, beside the decade of birth it derived before tokenizing.
SELECT
  CAST(customer_id AS VARCHAR) AS customer_id,
  CAST(timezone('UTC', updated_at) AS TIMESTAMPTZ) AS updated_at,
  CAST(first_name_token AS VARCHAR) AS first_name_token,
  CAST(last_name_token AS VARCHAR) AS last_name_token,
  CAST(email_hash AS VARCHAR) AS email_hash,
  CAST(phone_hash AS VARCHAR) AS phone_hash,
  CAST(birth_year_band AS VARCHAR) AS birth_year_band,
  CAST(city AS VARCHAR) AS city,
  CAST(state AS VARCHAR) AS state,
  CAST(zip AS VARCHAR) AS zip,
  CAST(signup_date AS DATE) AS signup_date,
  CAST(loyalty_tier AS VARCHAR) AS loyalty_tier,
  CAST(marketing_opt_in AS BOOLEAN) AS marketing_opt_in
FROM silver_customers
