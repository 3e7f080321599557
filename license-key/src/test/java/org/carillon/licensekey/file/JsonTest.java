package org.carillon.licensekey.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesCompactlyInInsertionOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", List.of("x", "y"));
        m.put("c", Map.of("n", -5L));
        m.put("d", true);
        assertThat(JsonWriter.write(m)).isEqualTo("{\"b\":1,\"a\":[\"x\",\"y\"],\"c\":{\"n\":-5},\"d\":true}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JsonWriter.write("a\"b\\c\nd\u0001e\u2028ü")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001e\\u2028ü\"");
    }

    @Test
    void readsWhatItWritesIncludingEscapesAndUnicode() {
        String s = "q\" b\\ n\n t\t c\u0007 é €";
        assertThat(JsonReader.read(JsonWriter.write(s))).isEqualTo(s);
        assertThat(JsonReader.read("\"\\u00e9\\/\\b\\f\\r\"")).isEqualTo("é/\b\f\r");
    }

    @Test
    void readsNestedValuesWithWhitespace() {
        Object v = JsonReader.read(" { \"a\" : [ 1 , -2 , true , false , null ] , \"b\" : { } , \"c\" : [ ] }\r\n");
        assertThat(v).isEqualTo(Map.of("a", List.of(1L, -2L, true, false, JsonReader.NULL), "b", Map.of(), "c", List.of()));
    }

    @Test
    void refusesDuplicateMembers() {
        assertThatThrownBy(() -> JsonReader.read("{\"a\":1,\"a\":2}")).isInstanceOf(JsonException.class).hasMessageContaining("duplicate");
    }

    @Test
    void refusesNonIntegersLeadingZerosAndHugeNumbers() {
        for (String bad : new String[] {"1.5", "1e3", "01", "-", "1234567890123456789", "+1"}) {
            assertThatThrownBy(() -> JsonReader.read(bad)).as(bad).isInstanceOf(JsonException.class);
        }
        assertThat(JsonReader.read("123456789012345678")).isEqualTo(123456789012345678L);
    }

    @Test
    void refusesMalformedText() {
        for (String bad : new String[] {"", "{", "{\"a\"}", "{\"a\":1,}", "[1,]", "[1 2]", "\"abc", "\"a\nb\"",
                "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "tru", "nul", "{a:1}", "{} {}", "{\"a\":1}x", "'a'"}) {
            assertThatThrownBy(() -> JsonReader.read(bad)).as(bad).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void enforcesDepthAndLengthLimits() {
        String deep = "[".repeat(JsonReader.MAX_DEPTH + 2) + "]".repeat(JsonReader.MAX_DEPTH + 2);
        assertThatThrownBy(() -> JsonReader.read(deep)).isInstanceOf(JsonException.class).hasMessageContaining("deeper");
        String ok = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        assertThat(JsonReader.read(ok)).isNotNull();
        String longText = "\"" + "a".repeat(JsonReader.MAX_LENGTH) + "\"";
        assertThatThrownBy(() -> JsonReader.read(longText)).isInstanceOf(JsonException.class).hasMessageContaining("longer");
    }
}
