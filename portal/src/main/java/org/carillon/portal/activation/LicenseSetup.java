package org.carillon.portal.activation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A license's set-up answers: how many extensions the customer plans, the country (ISO 3166-1 alpha-2, for number
 * formats and tones), the PBX language and the prompt set callers hear.
 */
public record LicenseSetup(int extensions, String country, String language, String promptSet) {

    /** Countries offered (code → name); the PBX's tone plans cover these. */
    public static final Map<String, String> COUNTRIES = ordered("AT", "Austria", "AU", "Australia", "BE", "Belgium",
            "CA", "Canada", "CH", "Switzerland", "DE", "Germany", "ES", "Spain", "FR", "France", "GB", "United Kingdom",
            "IE", "Ireland", "IT", "Italy", "NL", "Netherlands", "PT", "Portugal", "US", "United States");
    public static final Map<String, String> LANGUAGES = ordered("en", "English", "de", "Deutsch", "fr", "Français",
            "es", "Español", "it", "Italiano", "nl", "Nederlands", "pt", "Português");
    public static final Map<String, String> PROMPT_SETS = ordered("en-US", "English (US)", "en-GB", "English (UK)",
            "de-DE", "German", "fr-FR", "French", "es-ES", "Spanish", "it-IT", "Italian", "nl-NL", "Dutch");

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
