package org.carillon.portal.license;

/** The dashboard's subscription figures for one customer, as of one day. */
public record LicenseCounts(long total, long active, long expiringSoon, long expiredOrInactive) {
}
