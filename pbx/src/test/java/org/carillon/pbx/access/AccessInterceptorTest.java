package org.carillon.pbx.access;

import org.carillon.platform.account.Account;
import org.carillon.platform.account.AccountStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fail-closed check: no {@link Allowed} means refused for everyone; the role comes from the account. */
class AccessInterceptorTest {
    /** A PBX-package controller: one handler declares a permission, one forgot to. */
    static class Handlers {
        @Allowed(Permission.EXTENSIONS)
        public void managed() {
        }

        public void forgotten() {
        }
    }

    /** The class-level permission applies to methods without their own; a method's own wins. */
    @Allowed(Permission.SIGNED_IN)
    static class ClassLevel {
        public void inherited() {
        }

        @Allowed(Permission.LICENSES)
        public void stricter() {
        }
    }

    private final Map<String, String> roles = Map.of("o@example.com", "owner", "m@example.com", "manager",
            "a@example.com", "agent", "off@example.com", "owner");
    private final AccountStore accounts = new AccountStore(null, Clock.systemUTC()) {
        @Override
        public Optional<Account> findByEmail(String email) {
            return Optional.ofNullable(roles.get(email)).map(role -> new Account(1, email, "h", role, "", "",
                    !email.startsWith("off"), Instant.EPOCH, Instant.EPOCH));
        }
    };
    private final AccessInterceptor interceptor = new AccessInterceptor(new CurrentRole(accounts));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private boolean call(String email, Object bean, String method) throws NoSuchMethodException {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(email,
                "x", AuthorityUtils.createAuthorityList("ROLE_OWNER")));
        return interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
                new HandlerMethod(bean, bean.getClass().getMethod(method)));
    }

    @Test
    void aHandlerWithoutAPermissionIsRefusedEvenToAnOwner() {
        assertThatThrownBy(() -> call("o@example.com", new Handlers(), "forgotten"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theRoleIsReadFromTheAccountNotFromTheSessionAuthorities() throws Exception {
        assertThat(call("m@example.com", new Handlers(), "managed")).isTrue();
        // the session says ROLE_OWNER, the account says agent: the account wins
        assertThatThrownBy(() -> call("a@example.com", new Handlers(), "managed"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> call("off@example.com", new Handlers(), "managed"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> call("gone@example.com", new Handlers(), "managed"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMethodsPermissionOverridesItsClasses() throws Exception {
        assertThat(call("a@example.com", new ClassLevel(), "inherited")).isTrue();
        assertThatThrownBy(() -> call("m@example.com", new ClassLevel(), "stricter"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(call("o@example.com", new ClassLevel(), "stricter")).isTrue();
    }
}
