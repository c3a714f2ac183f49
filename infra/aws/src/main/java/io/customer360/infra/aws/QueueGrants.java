package io.customer360.infra.aws;

import java.util.List;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * SQS permissions with exact actions: a consumer receives, deletes and extends visibility; a
 * producer sends. Both may look the queue up by name, as Spring Cloud AWS and the SDK do. The
 * queues use SQS-managed encryption, so no KMS permission is needed.
 */
final class QueueGrants {

  private QueueGrants() {}

  static void consume(IGrantable grantee, IQueue queue) {
    grant(
        grantee,
        queue,
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage",
        "sqs:ChangeMessageVisibility",
        "sqs:GetQueueAttributes",
        "sqs:GetQueueUrl");
  }

  static void send(IGrantable grantee, IQueue queue) {
    grant(grantee, queue, "sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");
  }

  private static void grant(IGrantable grantee, IQueue queue, String... actions) {
    grantee
        .getGrantPrincipal()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(List.of(actions))
                .resources(List.of(queue.getQueueArn()))
                .build());
  }
}
