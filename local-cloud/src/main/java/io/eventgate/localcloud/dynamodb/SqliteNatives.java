package io.eventgate.localcloud.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Makes sqlite4java's native library (which DynamoDB Local stores its tables in) loadable wherever local-cloud runs:
 * the build bundles the libraries as resources and they are extracted once per JVM to a private temporary directory.
 */
final class SqliteNatives {

    private static final String VERSION = "1.0.392";
    private static final String RESOURCE_DIR = "/io/eventgate/localcloud/dynamodb/natives/";
    private static final List<String> LIBRARIES = List.of(
            "libsqlite4java-linux-amd64-" + VERSION + ".so",
            "libsqlite4java-linux-i386-" + VERSION + ".so",
            "libsqlite4java-osx-" + VERSION + ".dylib",
            "sqlite4java-win32-x64-" + VERSION + ".dll",
            "sqlite4java-win32-x86-" + VERSION + ".dll");

    private static Path extracted;

    private SqliteNatives() {
    }

    /** Extracts the libraries (once) and points {@code sqlite4java.library.path} at them. */
    static synchronized Path install() {
        if (extracted != null) {
            return extracted;
        }
        try {
            Path dir = Files.createTempDirectory("local-cloud-sqlite4java-");
            dir.toFile().deleteOnExit();
            int copied = 0;
            for (String library : LIBRARIES) {
                try (InputStream in = SqliteNatives.class.getResourceAsStream(RESOURCE_DIR + library)) {
                    if (in != null) {
                        Path target = dir.resolve(library);
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        target.toFile().deleteOnExit();
                        copied++;
                    }
                }
            }
            if (copied == 0) {
                throw new IllegalStateException("sqlite4java native libraries are missing from local-cloud's jar ("
                        + RESOURCE_DIR + "); rebuild it with ./mvnw package");
            }
            System.setProperty("sqlite4java.library.path", dir.toString());
            extracted = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract sqlite4java native libraries", e);
        }
    }
}
