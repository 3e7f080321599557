package org.carillon.portal.subaccount;

/** "+ Create account": the new user's email, names and role. */
public record SubAccountForm(String email, String firstName, String lastName, String role) {

    public SubAccountForm {
        email = t(email);
        firstName = t(firstName);
        lastName = t(lastName);
        role = role == null || role.isBlank() ? "viewer" : role.trim();
    }

    public static SubAccountForm empty() {
        return new SubAccountForm("", "", "", "viewer");
    }

    private static String t(String s) {
        return s == null ? "" : s.trim();
    }
}
