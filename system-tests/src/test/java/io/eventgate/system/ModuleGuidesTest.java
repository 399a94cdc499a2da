package io.eventgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module guides' code maps name classes that exist: a guide that still names a class after it was renamed or
 * removed sends a newcomer nowhere. Checks every class name in backticks in each guide's "Where things live" section
 * against the repository's source files and the library classes they import.
 */
class ModuleGuidesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** A type name: starts upper case and has a lower-case letter (not a constant such as PENDING). */
    private static final Pattern IMPORT = Pattern.compile("import (?:static )?[\\w.]+\\.([A-Z]\\w*)(?:\\.\\w+)?;");
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:\\.[A-Za-z]+)?(?:\\([^`]*\\))?`");

    @Test
    void everyClassAGuideNamesExists() throws IOException {
        Set<String> classes = new HashSet<>();
        try (Stream<Path> files = sources()) {
            for (Path file : files.toList()) {
                classes.add(file.getFileName().toString().replace(".java", ""));
                for (String line : Files.readAllLines(file)) {
                    Matcher imported = IMPORT.matcher(line);
                    if (imported.matches()) {
                        classes.add(imported.group(1));
                    }
                }
            }
        }
        List<Path> guides = guides();
        assertThat(guides).extracting(g -> ROOT.relativize(g).toString()).contains("local-cloud/README.md",
                "gateway-infra/README.md", "orders-service/README.md", "carrier-service/README.md",
                "service-web/README.md", "deploy/README.md", "system-tests/README.md");
        List<String> missing = new ArrayList<>();
        for (Path guide : guides) {
            for (String name : namesInCodeMap(guide)) {
                if (!classes.contains(name)) {
                    missing.add(ROOT.relativize(guide) + ": " + name);
                }
            }
        }
        assertThat(missing).as("classes named in a guide's code map that no source file declares").isEmpty();
    }

    private static Stream<Path> sources() throws IOException {
        return Files.walk(ROOT).filter(f -> f.toString().endsWith(".java"))
                .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/node_modules/"));
    }

    private static List<Path> guides() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 2)) {
            return files.filter(f -> f.getFileName().toString().equals("README.md"))
                    .filter(f -> !f.getParent().equals(ROOT) && !f.toString().contains("/node_modules/"))
                    .sorted().toList();
        }
    }

    /** Names in backticks between "## Where things live" and the next level-2 heading. */
    private static List<String> namesInCodeMap(Path guide) throws IOException {
        List<String> names = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(guide)) {
            if (line.startsWith("## ")) {
                inside = line.startsWith("## Where things live");
                continue;
            }
            if (inside) {
                Matcher matcher = NAME.matcher(line);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }
}
