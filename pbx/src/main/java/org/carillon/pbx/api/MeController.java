package org.carillon.pbx.api;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.platform.account.AccountStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Locale;

/** {@code GET /api/v1/me}: who the caller is, for scripts checking their credentials. */
@RestController
@Allowed(Permission.SIGNED_IN)
@RequestMapping("/api/v1")
public class MeController {
    private final AccountStore accounts;

    public MeController(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** The signed-in account. */
    public record Me(String email, String firstName, String lastName, String role) {
    }

    @GetMapping("/me")
    public Me me(Authentication authentication) {
        var account = accounts.findByEmail(authentication.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        return new Me(account.email(), account.firstName(), account.lastName(),
                account.role().toLowerCase(Locale.ROOT));
    }
}
