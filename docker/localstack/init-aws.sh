#!/bin/bash
# LocalStack "ready" hook: creates the platform's shared resources, as infra/local's Provisioner
# does for the embedded platform and infra/aws does in AWS: the lake bucket with S3 event
# notifications of landing/ to c360-landing-events, the Kinesis streams, every queue with its
# dead-letter queue (redrive after 5 receives), the landing ledger table and transform-service's
# dataset lock table (leases expire by TTL on expires_at). Idempotent.
# docker-compose.yml waits for the marker file written at the end.
set -euo pipefail

BUCKET=c360-lake
STREAMS="c360-clickstream c360-weblog"
QUEUES="c360-landing-events c360-bronze-ready c360-silver-ready c360-gold-ready"
MAX_RECEIVE_COUNT=5
VISIBILITY_TIMEOUT=60
SHARDS=2
LEDGER_TABLE=c360-landing-ledger
LOCK_TABLE=c360-transform-locks
READY_MARKER=/tmp/c360-ready

rm -f "$READY_MARKER"

awslocal s3api head-bucket --bucket "$BUCKET" 2>/dev/null \
  || awslocal s3api create-bucket --bucket "$BUCKET" >/dev/null

for stream in $STREAMS; do
  awslocal kinesis describe-stream-summary --stream-name "$stream" >/dev/null 2>&1 \
    || awslocal kinesis create-stream --stream-name "$stream" --shard-count "$SHARDS"
  awslocal kinesis wait stream-exists --stream-name "$stream"
done

queue_arn() {
  awslocal sqs get-queue-attributes --queue-url "$1" --attribute-names QueueArn \
    --query Attributes.QueueArn --output text
}

for queue in $QUEUES; do
  dlq_url=$(awslocal sqs create-queue --queue-name "$queue-dlq" --query QueueUrl --output text)
  dlq_arn=$(queue_arn "$dlq_url")
  redrive="{\\\"deadLetterTargetArn\\\":\\\"$dlq_arn\\\",\\\"maxReceiveCount\\\":\\\"$MAX_RECEIVE_COUNT\\\"}"
  awslocal sqs create-queue --queue-name "$queue" \
    --attributes "{\"RedrivePolicy\":\"$redrive\",\"VisibilityTimeout\":\"$VISIBILITY_TIMEOUT\"}" \
    >/dev/null
done

awslocal dynamodb describe-table --table-name "$LEDGER_TABLE" >/dev/null 2>&1 \
  || awslocal dynamodb create-table --table-name "$LEDGER_TABLE" \
    --attribute-definitions AttributeName=id,AttributeType=S \
    --key-schema AttributeName=id,KeyType=HASH \
    --billing-mode PAY_PER_REQUEST >/dev/null

if ! awslocal dynamodb describe-table --table-name "$LOCK_TABLE" >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name "$LOCK_TABLE" \
    --attribute-definitions AttributeName=id,AttributeType=S \
    --key-schema AttributeName=id,KeyType=HASH \
    --billing-mode PAY_PER_REQUEST >/dev/null
  awslocal dynamodb wait table-exists --table-name "$LOCK_TABLE"
  awslocal dynamodb update-time-to-live --table-name "$LOCK_TABLE" \
    --time-to-live-specification Enabled=true,AttributeName=expires_at >/dev/null
fi

landing_url=$(awslocal sqs get-queue-url --queue-name c360-landing-events --query QueueUrl --output text)
landing_arn=$(queue_arn "$landing_url")
awslocal s3api put-bucket-notification-configuration --bucket "$BUCKET" \
  --notification-configuration "{\"QueueConfigurations\":[{\"QueueArn\":\"$landing_arn\",\"Events\":[\"s3:ObjectCreated:*\"],\"Filter\":{\"Key\":{\"FilterRules\":[{\"Name\":\"prefix\",\"Value\":\"landing/\"}]}}}]}"

touch "$READY_MARKER"
echo "c360: bucket $BUCKET, streams $STREAMS, queues $QUEUES (+ -dlq), tables $LEDGER_TABLE $LOCK_TABLE ready"
