package org.carillon.pbx.registrar;

import org.carillon.pbx.extension.DeviceAccount;
import org.carillon.sip.transaction.ServerTransaction;

import java.util.Optional;
import java.util.function.Function;

/**
 * Digest authentication of a device's request (RFC 3261 §22, RFC 8760: MD5 and SHA-256) on top of the stack's
 * {@code org.carillon.sip.auth}. Same answer for an unknown user and a wrong password (SECURITY.md).
 */
public interface DeviceAuthenticator {

    /** The outcome of checking one request. */
    sealed interface Outcome {
        /** The credentials are those of {@code account}. */
        record Authenticated(DeviceAccount account) implements Outcome {
        }

        /** No credentials yet, or a stale nonce: the challenge was sent, no failure counted. */
        record Challenged() implements Outcome {
        }

        /** Wrong or unknown credentials: the failure was counted against the source, then the refusal sent. */
        record Failed() implements Outcome {
        }
    }

    /**
     * Checks the request's credentials for {@code realm}; answers the request itself unless authenticated.
     *
     * @param expected the device account of the address of record, if it exists: the credentials must be its own
     */
    Outcome authenticate(ServerTransaction transaction, String realm, Optional<DeviceAccount> expected);

    /**
     * Like {@link #authenticate}, for requests whose device is whoever the credentials name (INVITE, SUBSCRIBE: no
     * address of record of their own): the expected account is {@code byUsername} of the digest username of the
     * credentials for {@code realm}, so the header is parsed once (every call's INVITE comes here).
     */
    Outcome authenticateClaimed(ServerTransaction transaction, String realm,
                                Function<String, Optional<DeviceAccount>> byUsername);
}
