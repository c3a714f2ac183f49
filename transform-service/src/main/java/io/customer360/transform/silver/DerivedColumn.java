package io.customer360.transform.silver;

import io.customer360.common.contract.FieldType;

/**
 * A column silver derives for a dataset beyond its contract fields, as the catalog and the gold
 * silver views describe it.
 *
 * @param name silver column name
 * @param type its silver type
 * @param description what it holds and where it comes from, for the data catalogue
 */
public record DerivedColumn(String name, FieldType type, String description) {}
