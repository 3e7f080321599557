package org.carillon.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The parser's byte-level name lookups agree with {@link HeaderName#of(String)} for every known name. */
class HeaderNameLookupTest {
    private static List<HeaderName> known() throws IllegalAccessException {
        List<HeaderName> out = new ArrayList<>();
        for (Field f : HeaderName.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == HeaderName.class) {
                out.add((HeaderName) f.get(null));
            }
        }
        return out;
    }

    private static byte[] line(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void everyKnownNameIsFoundByItsCanonicalPrefixAndByAnySpelling() throws Exception {
        List<HeaderName> names = known();
        assertThat(names).hasSizeGreaterThan(40);
        for (HeaderName n : names) {
            String name = n.name();
            for (String pad : new String[] {"", "xxxxxxxxxxxxxxxx"}) { // near the end of the array and not
                byte[] canonical = line(name + ": v" + pad);
                assertThat(HeaderName.canonicalAt(canonical, 0, name.length())).as(name).isSameAs(n);
                byte[] upper = line(name.toUpperCase(Locale.ROOT) + ": v" + pad);
                assertThat(HeaderName.canonicalAt(upper, 0, name.length())).as(name).isNull();
                assertThat(HeaderName.knownOrNull(upper, 0, name.length())).as(name).isSameAs(n);
                byte[] noSpace = line(name + ":v" + pad);
                assertThat(HeaderName.canonicalAt(noSpace, 0, name.length())).as(name).isNull();
            }
            n.compactForm().ifPresent(c -> assertThat(HeaderName.canonicalAt(line(c + ": v"), 0, 1)).isNull());
        }
        assertThat(HeaderName.canonicalAt(line("X-Unknown: v"), 0, 9)).isNull();
        assertThat(HeaderName.knownOrNull(line("X-Unknown: v"), 0, 9)).isNull();
    }
}
