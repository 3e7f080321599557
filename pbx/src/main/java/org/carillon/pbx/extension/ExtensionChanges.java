package org.carillon.pbx.extension;

import org.carillon.platform.web.ApiProblem;
import org.carillon.pbx.access.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A partial change of an extension (PATCH): absent fields stay as they are. */
public record ExtensionChanges(Optional<String> email, Optional<String> firstName, Optional<String> lastName,
                               Optional<String> mobile, Optional<Role> role) {

    public ExtensionChanges {
        email = email.map(ExtensionInput::trim);
        firstName = firstName.map(ExtensionInput::trim);
        lastName = lastName.map(ExtensionInput::trim);
        mobile = mobile.map(ExtensionInput::trim);
    }

    List<ApiProblem.FieldError> problems() {
        List<ApiProblem.FieldError> p = new ArrayList<>();
        email.ifPresent(e -> ExtensionInput.checkEmail(e, p));
        firstName.ifPresent(v -> ExtensionInput.checkName("firstName", v, p));
        lastName.ifPresent(v -> ExtensionInput.checkName("lastName", v, p));
        mobile.ifPresent(v -> ExtensionInput.checkMobile(v, p));
        return p;
    }
}
