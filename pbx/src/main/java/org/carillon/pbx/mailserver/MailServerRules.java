package org.carillon.pbx.mailserver;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.carillon.platform.mail.MailConfiguration;
import org.carillon.platform.web.ApiProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What the mail server form accepts; every problem names its field. */
final class MailServerRules {
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9.-]{0,253}[A-Za-z0-9])?$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private MailServerRules() {
    }

    static List<ApiProblem.FieldError> check(MailServerInput in) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (in.host().isEmpty()) {
            errors.add(new ApiProblem.FieldError("host", "Enter the SMTP server's host name or address."));
        } else if (!HOST.matcher(in.host()).matches() && !(in.host().contains(":") && IPV6.matcher(in.host()).matches())) {
            errors.add(new ApiProblem.FieldError("host", "Enter a host name (smtp.example.com) or an IP address."));
        }
        if (port(in.port()) == 0) {
            errors.add(new ApiProblem.FieldError("port", "Enter a port from 1 to 65535 (usually 587, or 465 for TLS)."));
        }
        if (!MailConfiguration.SECURITY_MODES.contains(in.security())) {
            errors.add(new ApiProblem.FieldError("security", "Choose STARTTLS, TLS or none."));
        }
        if (in.username().length() > 255) {
            errors.add(new ApiProblem.FieldError("username", "At most 255 characters."));
        }
        if (in.password().length() > 255) {
            errors.add(new ApiProblem.FieldError("password", "At most 255 characters."));
        }
        if (!fromAddress(in.from())) {
            errors.add(new ApiProblem.FieldError("from",
                    "Enter one sender address, e.g. pbx@example.com or Carillon <pbx@example.com>."));
        }
        return errors;
    }

    /** The port typed, or 0 when it is no port. */
    static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65535 ? port : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean email(String address) {
        return address.length() <= 320 && EMAIL.matcher(address).matches();
    }

    private static boolean fromAddress(String from) {
        if (from.isEmpty() || from.length() > 320) {
            return false;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(from, true);
            return parsed.length == 1 && email(parsed[0].getAddress());
        } catch (AddressException e) {
            return false;
        }
    }
}
