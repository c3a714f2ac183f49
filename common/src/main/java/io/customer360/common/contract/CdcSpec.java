package io.customer360.common.contract;

/**
 * Change-data-capture semantics for a dataset written by AWS DMS: full-load files carry no
 * operation column (every row is an insert); CDC files carry one with {@code I}, {@code U} or
 * {@code D}, and the latest change of a key wins.
 *
 * @param operationField the field holding I/U/D
 * @param sequenceField the field that orders changes of one key (the DMS change timestamp)
 */
public record CdcSpec(String operationField, String sequenceField) {}
