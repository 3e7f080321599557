package org.carillon.portal.profile;

/**
 * The editable part of Profile settings. Company name, user ID and partner discount are not fields of this form: a
 * post that carries them anyway is refused ({@link ProfileController}).
 */
public record ProfileForm(String firstName, String lastName, String phone, String addressLine, String city,
                          String postalCode, String country) {

    public ProfileForm {
        firstName = t(firstName);
        lastName = t(lastName);
        phone = t(phone);
        addressLine = t(addressLine);
        city = t(city);
        postalCode = t(postalCode);
        country = t(country).toUpperCase(java.util.Locale.ROOT);
    }

    private static String t(String s) {
        return s == null ? "" : s.trim();
    }
}
