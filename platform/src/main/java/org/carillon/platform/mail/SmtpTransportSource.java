package org.carillon.platform.mail;

/**
 * Where {@link MailDispatcher} gets the SMTP transport, asked again for every dispatch so a change of mail server
 * takes effect with the next message, without a restart. The platform's own source answers the start-up settings
 * ({@link MailConfiguration}); an application that keeps the mail server in its database declares a
 * {@code @Primary} source of its own (the PBX's Settings ▸ Mail server).
 */
@FunctionalInterface
public interface SmtpTransportSource {
    /** The transport for the messages about to be sent. */
    MailConfiguration.SmtpTransport current();
}
