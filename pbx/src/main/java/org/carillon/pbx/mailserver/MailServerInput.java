package org.carillon.pbx.mailserver;

/**
 * The mail server form as sent.
 *
 * @param port          as typed; checked to be 1–65535
 * @param password      empty keeps the stored password
 * @param clearPassword remove the stored password (wins over {@code password})
 */
public record MailServerInput(String host, String port, String security, String username, String password,
                              boolean clearPassword, String from) {
    public MailServerInput {
        host = strip(host);
        port = strip(port);
        security = strip(security);
        username = strip(username);
        password = password == null ? "" : password;
        from = strip(from);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
