package org.carillon.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.platform.account.AccountStore;

/**
 * Decides, on every request of a signed-in session, whether the session still stands: the account is enabled and its
 * password was not changed after the sign-in ({@link SessionValidityFilter}). The default reads the account
 * ({@link AccountStore#sessionStands}); an app may declare its own bean to read, in the same query, what it needs about
 * the user for the rest of the request (the portal: its viewer), saving a database round trip per request.
 * Called on the request's thread.
 */
@FunctionalInterface
public interface SessionCheck {

    /**
     * @param username         the signed-in account's name (email) as the authentication holds it
     * @param signedInAtMillis when the session's user signed in, epoch milliseconds
     * @return false when the session must end
     */
    boolean stands(HttpServletRequest request, String username, long signedInAtMillis);

    /** The platform's check: one read of the account. */
    static SessionCheck of(AccountStore accounts) {
        return (request, username, signedInAtMillis) -> accounts.sessionStands(username, signedInAtMillis);
    }
}
