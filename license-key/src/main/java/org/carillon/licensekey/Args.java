package org.carillon.licensekey;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} command-line options for the two small tools; unknown names are refused. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    /** @throws IllegalArgumentException on an unknown option, a missing value or a repeated option */
    Args(String[] args, Set<String> known) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (values.put(name.substring(2), args[++i]) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
    }

    Optional<String> find(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("--" + name + " is required"));
    }

    int integer(String name, int min, int fallback) {
        Optional<String> v = find(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min) {
                throw new IllegalArgumentException("--" + name + " must be at least " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number");
        }
    }
}
