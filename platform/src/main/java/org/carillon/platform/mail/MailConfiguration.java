package org.carillon.platform.mail;

import org.carillon.platform.settings.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * SMTP from {@code CARILLON_SMTP_HOST}, {@code _PORT} (587), {@code _USER}, {@code _PASSWORD}, {@code _TLS}
 * ({@code starttls} default, {@code tls} for implicit TLS, {@code none}) and {@code _FROM}. Without a host, mail
 * stays in the local outbox shown at {@code /dev/mailbox}. These are the start-up settings; {@link MailDispatcher}
 * takes its transport from the {@link SmtpTransportSource} bean, which answers them unless an application overrides it.
 */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {
    /** The connection security modes: {@code starttls}, {@code tls} (implicit TLS) and {@code none}. */
    public static final List<String> SECURITY_MODES = List.of("starttls", "tls", "none");

    /** The SMTP transport, or empty when mail stays local. */
    public record SmtpTransport(Optional<JavaMailSenderImpl> sender, String from) {
        public boolean local() {
            return sender.isEmpty();
        }
    }

    /** The start-up transport as a source; an application may declare a {@code @Primary} one of its own. */
    @Bean
    public SmtpTransportSource startupSmtpTransportSource(SmtpTransport smtpTransport) {
        return () -> smtpTransport;
    }

    @Bean
    public SmtpTransport smtpTransport(Settings settings) {
        String from = settings.string("CARILLON_SMTP_FROM", "Carillon <no-reply@carillon.local>");
        var host = settings.optional("CARILLON_SMTP_HOST");
        if (host.isEmpty()) {
            return new SmtpTransport(Optional.empty(), from);
        }
        String tls = settings.string("CARILLON_SMTP_TLS", "starttls");
        if (!SECURITY_MODES.contains(tls)) {
            throw new org.carillon.platform.settings.InvalidSettingException("CARILLON_SMTP_TLS",
                    "'" + tls + "' must be starttls, tls or none");
        }
        return smtp(host.get(), settings.port("CARILLON_SMTP_PORT", 587), tls,
                settings.optional("CARILLON_SMTP_USER").orElse(null),
                settings.optional("CARILLON_SMTP_PASSWORD").orElse(null), from);
    }

    /**
     * A transport to one SMTP server.
     *
     * @param security one of {@link #SECURITY_MODES}
     * @param username null or blank: no authentication
     * @param password null when none
     */
    public static SmtpTransport smtp(String host, int port, String security, String username, String password,
                                     String from) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host);
        sender.setPort(port);
        boolean auth = username != null && !username.isBlank();
        if (auth) {
            sender.setUsername(username);
            sender.setPassword(password);
        }
        Properties props = sender.getJavaMailProperties();
        switch (security) {
            case "starttls" -> props.put("mail.smtp.starttls.enable", "true");
            case "tls" -> props.put("mail.smtp.ssl.enable", "true");
            case "none" -> { }
            default -> throw new IllegalArgumentException("security must be starttls, tls or none: " + security);
        }
        props.put("mail.smtp.auth", Boolean.toString(auth));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        return new SmtpTransport(Optional.of(sender), from);
    }
}
