package org.carillon.platform.security;

import org.carillon.platform.account.AccountStore;
import org.carillon.platform.apitoken.ApiTokens;
import org.carillon.platform.apitoken.BearerTokenFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.time.Clock;
import java.util.Map;

/**
 * Web security shared by both apps (SECURITY.md): Argon2id passwords, throttled logins, a 15-minute idle and 8-hour
 * absolute session, CSRF on every cookie-authenticated state change, strict headers. Two chains: {@code /api/**}
 * (session cookie, or HTTP Basic without CSRF) and the pages (form login).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    /** Every response's Referrer-Policy (error pages outside the chains get it from {@link ErrorPageHeaders}). */
    public static final ReferrerPolicyHeaderWriter.ReferrerPolicy REFERRER_POLICY =
            ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN;
    /** Every response's CSP (error pages outside the chains get it from {@link ErrorPageHeaders}). */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** OWASP's Argon2id floor: 19 MiB, 2 iterations, parallelism 1; 16-byte salt, 32-byte hash. */
    public static Argon2PasswordEncoder argon2id() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2id()));
        return encoder;
    }

    @Bean
    public AccountUserDetailsService accountUserDetailsService(AccountStore accounts) {
        return new AccountUserDetailsService(accounts);
    }

    /** Tells the session registry when the container destroys a session (timeout, logout). */
    @Bean
    public org.springframework.security.web.session.HttpSessionEventPublisher httpSessionEventPublisher() {
        return new org.springframework.security.web.session.HttpSessionEventPublisher();
    }

    @Bean
    public ThrottlingAuthenticationProvider.Waiter loginWaiter() {
        return delay -> Thread.sleep(delay);
    }

    @Bean
    public AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder encoder,
                                                       LoginThrottle throttle,
                                                       ThrottlingAuthenticationProvider.Waiter waiter,
                                                       SignInAudit audit) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        dao.setUserDetailsPasswordService(users);
        return new ProviderManager(new ThrottlingAuthenticationProvider(dao, throttle, waiter, audit));
    }

    @Bean
    @Order(1)
    public SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager manager, Clock clock,
                                        AccountStore accounts, ApiTokens apiTokens,
                                        org.springframework.core.env.Environment environment,
                                        ObjectProvider<SessionCheck> sessionCheck) throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint();
        // Machine endpoints that authenticate by what they carry (the portal's activation: a license key).
        String[] publicApi = environment.getProperty("carillon.security.public-api", String[].class, new String[0]);
        SessionCheck check = sessionCheck.getIfAvailable(() -> SessionCheck.of(accounts));
        http.securityMatcher("/api/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> {
                    if (publicApi.length > 0) {
                        a.requestMatchers(publicApi).permitAll();
                    }
                    a.anyRequest().authenticated();
                })
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                // Basic or bearer requests carry no cookie a third-party site could ride on: no CSRF token needed.
                .csrf(c -> {
                    c.ignoringRequestMatchers(r -> r.getHeader("Authorization") != null);
                    if (publicApi.length > 0) {
                        c.ignoringRequestMatchers(publicApi);
                    }
                })
                .addFilterBefore(new AbsoluteSessionTimeoutFilter(clock), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionValidityFilter(check), SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(apiTokens, accounts), BasicAuthenticationFilter.class);
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager manager, Clock clock,
                                         AccountStore accounts, SessionDirectory sessions,
                                         ObjectProvider<SessionCheck> sessionCheck) throws Exception {
        SessionCheck check = sessionCheck.getIfAvailable(() -> SessionCheck.of(accounts));
        http.authenticationManager(manager)
                // Registers every signed-in session so users can list and end theirs; no cap on their number.
                .sessionManagement(s -> s.sessionConcurrency(c -> c.maximumSessions(-1)
                        .sessionRegistry(sessions.registry()).expiredUrl("/login?expired")))
                .addFilterAfter(new SessionTouchFilter(sessions), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/actuator/health", "/actuator/health/**",
                                "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/dev/mailbox", "/dev/mailbox/**", "/password/forgot", "/password/reset",
                                "/welcome").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new AbsoluteSessionTimeoutFilter(clock), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionValidityFilter(check), SecurityContextHolderFilter.class);
        headers(http);
        return http.build();
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(REFERRER_POLICY))
                .frameOptions(f -> f.deny()));
    }
}
