package io.eventgate.infra.outputs;

import io.eventgate.infra.settings.SecretKeeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .env} file ({@code NAME=value} lines) holding the outputs. It contains secrets: it is written readable by
 * its owner only, atomically (a crash leaves the old or the new file, never half of one), and is git-ignored.
 */
public final class OutputsFile implements SecretKeeper {

    private static final String HEADER = "# Written by gateway-infra (apply/outputs). Contains secrets: never commit.";

    private final Path path;

    public OutputsFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** The variables in the file; empty when there is no file. */
    public Map<String, String> read() {
        Map<String, String> variables = new LinkedHashMap<>();
        if (!Files.isRegularFile(path)) {
            return variables;
        }
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                int equals = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
                    continue;
                }
                variables.put(trimmed.substring(0, equals).strip(), unquote(trimmed.substring(equals + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return variables;
    }

    /** Replaces the file with these variables, keeping variables of the old file that are not among them. */
    public void write(Map<String, String> variables) {
        Map<String, String> merged = read();
        merged.putAll(variables);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        merged.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        replace(text.toString());
    }

    @Override
    public void keep(String variable, String value) {
        write(Map.of(variable, value));
    }

    private void replace(String text) {
        try {
            Path directory = path.getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".outputs", ".tmp");
            try {
                restrict(temporary);
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static String unquote(String value) {
        for (String quote : List.of("\"", "'")) {
            if (value.length() >= 2 && value.startsWith(quote) && value.endsWith(quote)) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }
}
