package org.carillon.pbx.mailserver;

import java.util.Optional;

/**
 * The saved mail server.
 *
 * @param security       {@code starttls}, {@code tls} or {@code none}
 * @param username       empty: no authentication
 * @param sealedPassword the password as {@link MailPasswordVault} sealed it, if one is stored
 */
public record MailServer(String host, int port, String security, String username, Optional<String> sealedPassword,
                         String from) {
}
