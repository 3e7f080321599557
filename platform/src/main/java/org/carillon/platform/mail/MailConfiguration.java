package org.carillon.platform.mail;

import org.carillon.platform.settings.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.Optional;
import java.util.Properties;

/**
 * SMTP from {@code CARILLON_SMTP_HOST}, {@code _PORT} (587), {@code _USER}, {@code _PASSWORD}, {@code _TLS}
 * ({@code starttls} default, {@code tls} for implicit TLS, {@code none}) and {@code _FROM}. Without a host, mail
 * stays in the local outbox shown at {@code /dev/mailbox}.
 */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    /** The SMTP transport, or empty when mail stays local. */
    public record SmtpTransport(Optional<JavaMailSenderImpl> sender, String from) {
        public boolean local() {
            return sender.isEmpty();
        }
    }

    @Bean
    public SmtpTransport smtpTransport(Settings settings) {
        String from = settings.string("CARILLON_SMTP_FROM", "Carillon <no-reply@carillon.local>");
        var host = settings.optional("CARILLON_SMTP_HOST");
        if (host.isEmpty()) {
            return new SmtpTransport(Optional.empty(), from);
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host.get());
        sender.setPort(settings.port("CARILLON_SMTP_PORT", 587));
        settings.optional("CARILLON_SMTP_USER").ifPresent(sender::setUsername);
        settings.optional("CARILLON_SMTP_PASSWORD").ifPresent(sender::setPassword);
        Properties props = sender.getJavaMailProperties();
        String tls = settings.string("CARILLON_SMTP_TLS", "starttls");
        switch (tls) {
            case "starttls" -> props.put("mail.smtp.starttls.enable", "true");
            case "tls" -> props.put("mail.smtp.ssl.enable", "true");
            case "none" -> { }
            default -> throw new org.carillon.platform.settings.InvalidSettingException("CARILLON_SMTP_TLS",
                    "'" + tls + "' must be starttls, tls or none");
        }
        props.put("mail.smtp.auth", Boolean.toString(sender.getUsername() != null));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        return new SmtpTransport(Optional.of(sender), from);
    }
}
