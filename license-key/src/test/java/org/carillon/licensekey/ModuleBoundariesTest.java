package org.carillon.licensekey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module is JDK only, and its packages depend on each other in one direction:
 * {@code activation}, {@code installation}, {@code keypair} on nothing of ours; {@code file} on
 * {@code keypair} and {@code installation}; {@code state} on {@code file} and {@code installation}.
 * Reads the main sources (surefire runs in the module directory).
 */
class ModuleBoundariesTest {

    private static final Path MAIN = Path.of("src/main/java/org/carillon/licensekey");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern OURS = Pattern.compile("org\\.carillon\\.licensekey\\.(\\w+)\\.");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "activation", Set.of(),
            "installation", Set.of(),
            "keypair", Set.of(),
            "file", Set.of("keypair", "installation"),
            "state", Set.of("file", "installation"));

    @Test
    void mainCodeImportsOnlyTheJdkAndThisModule() throws IOException {
        for (Path source : sources()) {
            Matcher m = IMPORT.matcher(Files.readString(source));
            while (m.find()) {
                assertThat(m.group(2)).as(source.toString()).matches("(java|javax)\\..*|org\\.carillon\\.licensekey\\..*");
            }
        }
    }

    @Test
    void packagesDependOnlyInTheAllowedDirection() throws IOException {
        for (Path source : sources()) {
            Path rel = MAIN.relativize(source);
            if (rel.getNameCount() < 2) {
                continue; // the command-line tools at the root may use every package
            }
            String pkg = rel.getName(0).toString();
            assertThat(ALLOWED).as("package %s has no rule", pkg).containsKey(pkg);
            Matcher m = OURS.matcher(Files.readString(source));
            while (m.find()) {
                String used = m.group(1);
                if (!used.equals(pkg)) {
                    assertThat(ALLOWED.get(pkg)).as("%s uses %s", rel, used).contains(used);
                }
            }
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(files).hasSizeGreaterThan(20);
            return files;
        }
    }
}
