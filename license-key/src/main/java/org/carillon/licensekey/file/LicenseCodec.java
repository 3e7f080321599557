package org.carillon.licensekey.file;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carillon.licensekey.installation.InstallationFingerprint;

/**
 * {@link License} to and from its JSON payload. Members are written in one fixed order with no
 * whitespace, so a license always gives the same bytes. Reading ignores unknown members (a newer portal
 * may add some; they are covered by the signature anyway) and refuses missing or mistyped ones.
 */
final class LicenseCodec {

    private LicenseCodec() {
    }

    static String toJson(License l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("licenseId", l.licenseId());
        m.put("accountId", l.accountId());
        m.put("licensee", l.licensee());
        m.put("edition", l.edition());
        m.put("term", l.term().json());
        m.put("entitlementStart", l.entitlementStart().toString());
        l.entitlementEnd().ifPresent(end -> m.put("entitlementEnd", end.toString()));
        m.put("graceDays", l.graceDays());
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("extensions", l.limits().extensions());
        limits.put("concurrentCalls", l.limits().concurrentCalls());
        limits.put("tenants", l.limits().tenants());
        m.put("limits", limits);
        m.put("features", l.features());
        l.installation().ifPresent(fp -> m.put("installationFingerprint", fp.value()));
        m.put("sequence", l.sequence());
        m.put("issuedAt", l.issuedAt().toString());
        m.put("expiresAt", l.expiresAt().toString());
        return JsonWriter.write(m);
    }

    /** @throws JsonException if the JSON is not a license */
    static License fromJson(String json) {
        Map<String, Object> m = object(JsonReader.read(json), "payload");
        Map<String, Object> limits = object(m.get("limits"), "limits");
        try {
            return new License(
                    string(m, "licenseId"),
                    string(m, "accountId"),
                    string(m, "licensee"),
                    string(m, "edition"),
                    Term.fromJson(string(m, "term")),
                    LocalDate.parse(string(m, "entitlementStart")),
                    optionalString(m, "entitlementEnd").map(LocalDate::parse),
                    integer(m, "graceDays"),
                    new Limits(integer(limits, "extensions"), integer(limits, "concurrentCalls"),
                            integer(limits, "tenants")),
                    strings(m, "features"),
                    optionalString(m, "installationFingerprint").map(InstallationFingerprint::new),
                    number(m, "sequence"),
                    Instant.parse(string(m, "issuedAt")),
                    Instant.parse(string(m, "expiresAt")));
        } catch (DateTimeParseException e) {
            throw new JsonException("a date or instant is not ISO-8601: " + e.getParsedString());
        } catch (IllegalArgumentException e) {
            throw new JsonException(e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new JsonException(value == null ? "\"" + name + "\" is missing" : "\"" + name + "\" must be a JSON object");
    }

    private static String string(Map<String, Object> m, String name) {
        return optionalString(m, name).orElseThrow(() -> new JsonException("\"" + name + "\" is missing"));
    }

    private static Optional<String> optionalString(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (v == null || v == JsonReader.NULL) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        throw new JsonException("\"" + name + "\" must be a string");
    }

    private static long number(Map<String, Object> m, String name) {
        if (m.get(name) instanceof Long l) {
            return l;
        }
        throw new JsonException("\"" + name + "\" must be an integer");
    }

    private static int integer(Map<String, Object> m, String name) {
        long v = number(m, name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new JsonException("\"" + name + "\" is out of range");
        }
        return (int) v;
    }

    private static List<String> strings(Map<String, Object> m, String name) {
        if (!(m.get(name) instanceof List<?> list)) {
            throw new JsonException("\"" + name + "\" must be an array");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new JsonException("\"" + name + "\" must hold strings");
            }
            out.add(s);
        }
        return out;
    }
}
