package io.customer360.demo.landing;

import java.time.Instant;

/**
 * The landing object written, as ingestion will see it.
 *
 * @param key object key under {@code landing/}
 * @param eTag entity tag without quotes, as ingestion records it
 * @param lastModified when the store received it, by the store's clock
 */
record LandedObject(String key, String eTag, Instant lastModified) {}
