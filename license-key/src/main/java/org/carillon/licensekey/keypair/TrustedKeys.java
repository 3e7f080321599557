package org.carillon.licensekey.keypair;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The public keys a verifier trusts, by key id ({@code kid}). The PBX builds this table from keys compiled
 * into it; a key is never taken from a license file. A key is either a production key or a development
 * key; only development keys may sign licenses bound to no installation, and the PBX adds the
 * development key only when development licenses are switched on. Immutable, thread-safe.
 */
public final class TrustedKeys {

    /** Key ids: 1..64 of letters, digits, dot, underscore, hyphen. */
    public static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** How far a key is trusted. */
    public enum Trust {
        /** Signs customers' licenses; every file must be bound to an installation. */
        PRODUCTION,
        /** Signs development licenses; files may be unbound; the PBX shows a banner. */
        DEVELOPMENT
    }

    /** One trusted key. */
    public record Entry(String kid, PublicKey key, Trust trust) {
    }

    private final Map<String, Entry> entries;

    private TrustedKeys(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** An empty table to add to. */
    public static TrustedKeys none() {
        return new TrustedKeys(Map.of());
    }

    /**
     * This table plus one more key.
     *
     * @throws IllegalArgumentException if the kid is malformed or already present, or the key is not Ed25519
     */
    public TrustedKeys with(String kid, PublicKey key, Trust trust) {
        if (!KID.matcher(kid).matches()) {
            throw new IllegalArgumentException("bad key id \"" + kid + "\"");
        }
        Ed25519Keys.requireEd25519(key);
        if (entries.containsKey(kid)) {
            throw new IllegalArgumentException("key id " + kid + " is already trusted");
        }
        Map<String, Entry> next = new LinkedHashMap<>(entries);
        next.put(kid, new Entry(kid, key, trust));
        return new TrustedKeys(next);
    }

    /** The key with this id, if trusted. */
    public Optional<Entry> find(String kid) {
        return Optional.ofNullable(entries.get(kid));
    }

    /** The trusted key ids. */
    public Set<String> kids() {
        return entries.keySet();
    }
}
