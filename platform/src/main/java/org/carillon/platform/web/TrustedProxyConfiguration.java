package org.carillon.platform.web;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@link TrustedProxies} ({@code CARILLON_WEB_TRUSTED_PROXIES}) to the embedded Tomcat: with proxies listed,
 * a {@link RemoteIpValve} first in the engine's pipeline, so everything after it — Spring Security's HSTS and the
 * session cookie's {@code Secure} flag ({@code isSecure()}), redirects, the throttles and the audit log
 * ({@code getRemoteAddr()}) — sees the client as the proxy reported it. Runs after Spring Boot's own Tomcat
 * customizer and removes any remote-IP valve that one added (from {@code server.tomcat.remoteip.*} or a detected
 * cloud platform), so this setting alone decides whom the apps believe; empty, no valve at all.
 *
 * @throws org.carillon.platform.settings.InvalidSettingException at start-up when the setting is malformed
 */
@Configuration(proxyBeanMethods = false)
public class TrustedProxyConfiguration {

    @Bean
    public WebServerFactoryCustomizer<TomcatWebServerFactory> trustedProxies(Environment environment) {
        return new Customizer(TrustedProxies.parse(environment.getProperty(TrustedProxies.PROPERTY, "")));
    }

    /** Puts the valve in (or takes every remote-IP valve out). */
    static final class Customizer implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {
        private final TrustedProxies proxies;

        Customizer(TrustedProxies proxies) {
            this.proxies = proxies;
        }

        @Override
        public void customize(TomcatWebServerFactory factory) {
            List<Valve> valves = new ArrayList<>(factory.getEngineValves());
            valves.removeIf(RemoteIpValve.class::isInstance);
            if (!proxies.isEmpty()) {
                valves.addFirst(proxies.valve());
            }
            factory.setEngineValves(valves);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after Boot's TomcatWebServerFactoryCustomizer (order 0)
        }
    }
}
