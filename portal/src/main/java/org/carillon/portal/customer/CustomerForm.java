package org.carillon.portal.customer;

/** The staff's customer form as posted; all text, validated by {@link CustomerService}. */
public record CustomerForm(String companyName, String userId, String tier, String discountPercent,
                           String taxPercent, String country, String ownerEmail, String ownerFirstName,
                           String ownerLastName) {

    public CustomerForm {
        companyName = trim(companyName);
        userId = trim(userId);
        tier = trim(tier);
        discountPercent = trim(discountPercent);
        taxPercent = trim(taxPercent);
        country = trim(country).toUpperCase(java.util.Locale.ROOT);
        ownerEmail = trim(ownerEmail);
        ownerFirstName = trim(ownerFirstName);
        ownerLastName = trim(ownerLastName);
    }

    public static CustomerForm empty() {
        return new CustomerForm("", "", PartnerTier.RESELLER.code(), "0", "0", "", "", "", "");
    }

    public static CustomerForm of(Customer c) {
        return new CustomerForm(c.companyName(), c.userId(), c.tier().code(), c.discountPercent().toPlainString(),
                c.taxPercent().toPlainString(), c.country(), "", "", "");
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
