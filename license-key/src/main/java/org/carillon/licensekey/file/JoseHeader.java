package org.carillon.licensekey.file;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.carillon.licensekey.keypair.TrustedKeys;

/**
 * The JWS protected header of a license file (RFC 7515 §4): exactly {@code alg} (always {@code EdDSA},
 * RFC 8037 §3.1), {@code kid} and {@code typ}. Any other member is refused: in particular {@code jwk},
 * {@code jku}, {@code x5c} and {@code x5u} (keys carried by the file are never used) and {@code crit}
 * (RFC 7515 §4.1.11: extensions we do not understand must fail).
 */
record JoseHeader(String alg, String kid, String typ) {

    static final String EDDSA = "EdDSA";
    static final String TYPE = "carillon-license";
    private static final Set<String> MEMBERS = Set.of("alg", "kid", "typ");

    static JoseHeader forKid(String kid) {
        return new JoseHeader(EDDSA, kid, TYPE);
    }

    String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alg", alg);
        m.put("kid", kid);
        m.put("typ", typ);
        return JsonWriter.write(m);
    }

    /**
     * Reads and checks a header. The algorithm is checked before anything else so that a file naming
     * another algorithm is reported as such.
     *
     * @throws WrongAlgorithm if {@code alg} is present but not EdDSA
     * @throws JsonException  for anything else that is wrong
     */
    static JoseHeader fromJson(String json) {
        if (!(JsonReader.read(json) instanceof Map<?, ?> m)) {
            throw new JsonException("the header is not a JSON object");
        }
        if (!(m.get("alg") instanceof String alg)) {
            throw new JsonException("the header has no algorithm");
        }
        if (!EDDSA.equals(alg)) {
            throw new WrongAlgorithm(alg);
        }
        for (Object name : m.keySet()) {
            if (!MEMBERS.contains(name)) {
                throw new JsonException("the header has an unexpected member \"" + name + "\"");
            }
        }
        if (!(m.get("kid") instanceof String kid) || !TrustedKeys.KID.matcher(kid).matches()) {
            throw new JsonException("the header has no well-formed key id");
        }
        if (!(m.get("typ") instanceof String typ) || !TYPE.equalsIgnoreCase(typ)) {
            throw new JsonException("the header's type is not " + TYPE);
        }
        return new JoseHeader(alg, kid, typ);
    }

    /** The header names an algorithm other than EdDSA. */
    static final class WrongAlgorithm extends RuntimeException {

        final String alg;

        WrongAlgorithm(String alg) {
            super("algorithm");
            // the value comes from unverified input and ends up in messages: keep it short and plain
            String plain = alg.replaceAll("[^A-Za-z0-9._-]", "?");
            this.alg = plain.length() > 20 ? plain.substring(0, 20) + "…" : plain;
        }
    }
}
