package org.carillon.portal.catalog;

/**
 * A sellable PBX edition. Multi-tenant editions are sold only to carrier partners and never discounted.
 *
 * @param sortOrder higher is "more": an upgrade goes to an edition with a higher sort order
 */
public record Edition(String code, String name, boolean multiTenant, boolean discountable, boolean carrierOnly,
                      boolean active, int sortOrder) {
}
