package org.carillon.platform.mfa;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link MfaGate} in front of the app's permission check (a lower order runs first), guarding the handlers of
 * package {@code org.carillon.<carillon.app>.}; nothing when the app has no {@link MfaUsers} bean.
 */
@Configuration(proxyBeanMethods = false)
public class MfaConfiguration implements WebMvcConfigurer {
    private final ObjectProvider<MfaUsers> users;
    private final ObjectProvider<MfaService> mfa;
    private final String appPackage;

    public MfaConfiguration(ObjectProvider<MfaUsers> users, ObjectProvider<MfaService> mfa, Environment environment) {
        this.users = users;
        this.mfa = mfa;
        this.appPackage = "org.carillon." + environment.getProperty("carillon.app", "app") + ".";
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        MfaUsers app = users.getIfAvailable();
        if (app != null) {
            registry.addInterceptor(new MfaGate(app, mfa.getObject(), appPackage)).order(-10);
        }
    }
}
