package org.carillon.platform.web;

import org.carillon.platform.mail.MailConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values every page's layout needs: the app's name and whether the development mailbox exists. */
@ControllerAdvice
public class AppModelAdvice {
    private final String appTitle;
    private final boolean localMail;

    public AppModelAdvice(Environment environment, MailConfiguration.SmtpTransport transport) {
        this.appTitle = environment.getProperty("carillon.app-title", "Carillon");
        this.localMail = transport.local();
    }

    @ModelAttribute("appTitle")
    public String appTitle() {
        return appTitle;
    }

    @ModelAttribute("localMail")
    public boolean localMail() {
        return localMail;
    }
}
