import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Lays a Spring Boot executable jar out as plain jars on the class path, for the JDK's ahead-of-time cache: classes
 * loaded from nested jars (Boot's own class loader) cannot be cached, classes from plain jars on the class path can.
 * Spring Boot's {@code -Djarmode=tools extract} does this for Spring applications; local-cloud is no Spring
 * application, so one way for all four programs.
 *
 * <p>Writes {@code DEST/app.jar} (the jar's own classes), {@code DEST/lib/*.jar} (its dependencies, in the order of
 * {@code BOOT-INF/classpath.idx}) and {@code DEST/java.args}, a {@code java @argfile} with the class path and the main
 * class. A dependency's manifest {@code Class-Path} is dropped (DynamoDB Local's names {@code .}, a directory, which
 * the cache refuses; Boot's launcher does not follow it either, so the program sees the same classes).
 *
 * <p>Usage: {@code java .ci/ExplodeJar.java EXECUTABLE_JAR DEST}
 */
public class ExplodeJar {

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]).toAbsolutePath();
        Path dest = Path.of(args[1]).toAbsolutePath();
        deleteTree(dest);
        Files.createDirectories(dest.resolve("lib"));
        List<Path> classPath = new ArrayList<>();
        classPath.add(dest.resolve("app.jar"));
        String mainClass;
        try (JarFile jar = new JarFile(source.toFile())) {
            mainClass = jar.getManifest().getMainAttributes().getValue("Start-Class");
            if (mainClass == null) {
                throw new IllegalArgumentException(source + " is not a Spring Boot executable jar (no Start-Class)");
            }
            try (JarOutputStream app = new JarOutputStream(Files.newOutputStream(dest.resolve("app.jar")),
                    manifest(mainClass))) {
                for (JarEntry entry : jar.stream().toList()) {
                    String name = entry.getName();
                    if (name.startsWith("BOOT-INF/classes/") && name.length() > "BOOT-INF/classes/".length()) {
                        app.putNextEntry(new JarEntry(name.substring("BOOT-INF/classes/".length())));
                        if (!entry.isDirectory()) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                in.transferTo(app);
                            }
                        }
                        app.closeEntry();
                    }
                }
            }
            JarEntry index = jar.getJarEntry("BOOT-INF/classpath.idx");
            List<String> libs;
            try (InputStream in = jar.getInputStream(index)) {
                libs = new String(in.readAllBytes()).lines().map(String::strip).filter(l -> l.startsWith("- "))
                        .map(l -> l.substring(2).replace("\"", "")).toList();
            }
            for (String lib : libs) {
                if (lib.contains("spring-boot-jarmode-tools")) {
                    continue; // only for -Djarmode=tools on the executable jar
                }
                Path target = dest.resolve("lib").resolve(Path.of(lib).getFileName().toString());
                try (InputStream in = jar.getInputStream(jar.getJarEntry(lib))) {
                    copyWithoutClassPath(in, target);
                }
                classPath.add(target);
            }
        }
        String cp = String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList());
        // An argfile's quoted argument may hold spaces; backslashes escape inside quotes.
        Files.writeString(dest.resolve("java.args"),
                "-cp \"" + cp.replace("\\", "\\\\") + "\"\n" + mainClass + "\n");
    }

    private static Manifest manifest(String mainClass) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        return manifest;
    }

    /** Copies a jar as is, unless its manifest has a Class-Path: then rewrites it without that attribute. */
    private static void copyWithoutClassPath(InputStream in, Path target) throws IOException {
        byte[] bytes = in.readAllBytes();
        Manifest manifest;
        try (JarInputStream jar = new JarInputStream(new java.io.ByteArrayInputStream(bytes))) {
            manifest = jar.getManifest();
        }
        if (manifest == null || manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH) == null) {
            Files.write(target, bytes);
            return;
        }
        manifest.getMainAttributes().remove(Attributes.Name.CLASS_PATH);
        try (JarInputStream jar = new JarInputStream(new java.io.ByteArrayInputStream(bytes));
                OutputStream file = Files.newOutputStream(target);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                out.putNextEntry(new JarEntry(entry.getName()));
                jar.transferTo(out);
                out.closeEntry();
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
