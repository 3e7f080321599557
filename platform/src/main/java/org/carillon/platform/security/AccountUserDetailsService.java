package org.carillon.platform.security;

import org.carillon.platform.account.AccountStore;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.List;
import java.util.Locale;

/**
 * Loads accounts for Spring Security; the role becomes the authority {@code ROLE_<ROLE>}. Also stores re-hashed
 * passwords when the hashing parameters were raised since the password was set (upgrade on login).
 */
public final class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {
    private final AccountStore accounts;

    public AccountUserDetailsService(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.findByEmail(username)
                .filter(a -> !a.passwordHash().isEmpty())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(account.email())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + account.role().toUpperCase(Locale.ROOT))))
                .build();
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        accounts.findByEmail(user.getUsername()).ifPresent(a -> accounts.updatePassword(a.id(), newPassword));
        return User.withUserDetails(user).password(newPassword).build();
    }
}
