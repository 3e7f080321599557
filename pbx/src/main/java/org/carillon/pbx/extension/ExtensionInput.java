package org.carillon.pbx.extension;

import org.carillon.platform.web.ApiProblem;
import org.carillon.pbx.access.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person may type for an extension, and its checks (shared by the API, the pages and CSV import).
 *
 * @param number empty: the next free number of the range is assigned
 */
public record ExtensionInput(String email, String firstName, String lastName, String mobile, Optional<Role> role,
                             Optional<String> number) {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern MOBILE = Pattern.compile("^\\+?[0-9][0-9 ()./-]{1,30}$");
    static final Pattern NUMBER = Pattern.compile("^[1-9][0-9]{1,9}$");

    public ExtensionInput {
        email = trim(email);
        firstName = trim(firstName);
        lastName = trim(lastName);
        mobile = trim(mobile);
    }

    static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /** The problems of this input, empty when it is valid. */
    public List<ApiProblem.FieldError> problems() {
        List<ApiProblem.FieldError> p = new ArrayList<>();
        checkEmail(email, p);
        checkName("firstName", firstName, p);
        checkName("lastName", lastName, p);
        checkMobile(mobile, p);
        number.filter(n -> !NUMBER.matcher(n).matches())
                .ifPresent(n -> p.add(new ApiProblem.FieldError("number", "must be 2 to 10 digits")));
        return p;
    }

    static void checkEmail(String email, List<ApiProblem.FieldError> p) {
        if (email.isEmpty()) {
            p.add(new ApiProblem.FieldError("email", "is required"));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            p.add(new ApiProblem.FieldError("email", "is not an email address"));
        }
    }

    static void checkName(String field, String value, List<ApiProblem.FieldError> p) {
        if (value.isEmpty()) {
            p.add(new ApiProblem.FieldError(field, "is required"));
        } else if (value.length() > 100) {
            p.add(new ApiProblem.FieldError(field, "is longer than 100 characters"));
        }
    }

    static void checkMobile(String mobile, List<ApiProblem.FieldError> p) {
        if (!mobile.isEmpty() && !MOBILE.matcher(mobile).matches()) {
            p.add(new ApiProblem.FieldError("mobile", "is not a phone number"));
        }
    }
}
