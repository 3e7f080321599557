package org.carillon.platform.web;

import org.carillon.platform.mail.MailConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Values every page's layout needs: the app's name ({@code appTitle}) and whether the development mailbox exists
 * ({@code localMail}). Both are fixed at start, so they are static variables of the Thymeleaf view resolver, which
 * each view merges into its page's model (a model attribute of the same name still wins). As {@code @ModelAttribute}
 * methods of a controller advice they were looked up for the handler and invoked by reflection on every request
 * (issue 8, bench/portal). Set when the application context creates this bean, before any view is resolved (the
 * resolver copies its static variables into each view it creates).
 */
@Component
public class AppViewVariables {
    /** The model variable with the app's name ({@code carillon.app-title}, default "Carillon"). */
    public static final String APP_TITLE = "appTitle";
    /** The model variable telling whether mail is kept locally for {@code /dev/mailbox}. */
    public static final String LOCAL_MAIL = "localMail";

    public AppViewVariables(Environment environment, MailConfiguration.SmtpTransport transport,
                            ObjectProvider<ThymeleafViewResolver> resolvers) {
        String appTitle = environment.getProperty("carillon.app-title", "Carillon");
        boolean localMail = transport.local();
        resolvers.orderedStream().forEach(resolver -> {
            resolver.addStaticVariable(APP_TITLE, appTitle);
            resolver.addStaticVariable(LOCAL_MAIL, localMail);
        });
    }
}
