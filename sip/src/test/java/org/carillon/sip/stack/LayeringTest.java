package org.carillon.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Layers reach only down (GUIDE.md: "modules that reach up a layer" are what to avoid): the
 * transport knows bytes, transactions know no stack or dialogs, dialogs know only messages.
 * Checked on the imports of the sources, so it needs no bytecode library.
 */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java/org/carillon/sip");

    static Stream<Map.Entry<String, List<String>>> rules() {
        return Map.of(
                "clock", List.of("message", "uri", "syntax", "auth", "transport", "transaction", "dialog", "stack"),
                "transport", List.of("message", "uri", "syntax", "auth", "transaction", "dialog", "stack"),
                "transaction", List.of("auth", "dialog", "stack"),
                "dialog", List.of("auth", "transport", "transaction", "stack")).entrySet().stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void aLayerImportsNothingAboveIt(Map.Entry<String, List<String>> rule) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve(rule.getKey()))) {
            List<String> violations = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> lines(p).filter(l -> l.startsWith("import "))
                            .filter(l -> rule.getValue().stream().anyMatch(f -> l.contains("org.carillon.sip." + f + ".")))
                            .map(l -> p.getFileName() + ": " + l))
                    .toList();
            assertThat(violations).as("package %s reaches up", rule.getKey()).isEmpty();
        }
    }

    private static Stream<String> lines(Path p) {
        try {
            return Files.readAllLines(p).stream().map(String::strip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
