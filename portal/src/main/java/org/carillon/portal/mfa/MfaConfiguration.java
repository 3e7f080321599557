package org.carillon.portal.mfa;

import org.carillon.portal.access.ViewerLookup;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link MfaGate} in front of the permission check (a lower order runs first). */
@Configuration(proxyBeanMethods = false)
public class MfaConfiguration implements WebMvcConfigurer {
    private final ViewerLookup viewers;
    private final MfaService mfa;
    private final MfaPolicy policy;

    public MfaConfiguration(ViewerLookup viewers, MfaService mfa, MfaPolicy policy) {
        this.viewers = viewers;
        this.mfa = mfa;
        this.policy = policy;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new MfaGate(viewers, mfa, policy)).order(-10);
    }
}
