package org.carillon.portal.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of partner a customer is. Only carrier partners may buy multi-tenant editions. */
public enum PartnerTier {
    END_CUSTOMER("End customer"), RESELLER("Reseller"), CARRIER_PARTNER("Carrier partner");

    private final String label;

    PartnerTier(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<PartnerTier> find(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
