package io.customer360.scoring.registry;

import java.time.Instant;

/**
 * {@code models/{name}/current.json}: the version that serves. Services poll it and hot-reload.
 *
 * @param version the promoted version
 * @param validationAuc its validation AUC when promoted
 * @param promotedAt when it was promoted
 * @param previousVersion the version it replaced, or {@code null}
 */
public record PromotedPointer(
    String version, double validationAuc, Instant promotedAt, String previousVersion) {}
