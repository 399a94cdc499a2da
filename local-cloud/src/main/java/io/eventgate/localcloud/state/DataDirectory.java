package io.eventgate.localcloud.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The directory given with {@code --data-dir}: one local-cloud at a time (an exclusive lock on {@code .lock}), and
 * readable by its owner only — it holds connection secrets and API key values.
 */
public final class DataDirectory implements AutoCloseable {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates (owner-only) and locks the directory.
     *
     * @throws IllegalStateException when another local-cloud uses it
     */
    public static DataDirectory open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath();
        createPrivate(absolute);
        Path lockFile = absolute.resolve(".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        ownerOnly(lockFile);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new IllegalStateException("data directory " + absolute + " is in use by another local-cloud"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")") + ": stop it, or choose another --data-dir");
        }
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid())
                .getBytes(StandardCharsets.UTF_8)));
        return new DataDirectory(absolute, channel, lock);
    }

    public Path root() {
        return root;
    }

    /** A sub-directory, created owner-only when missing. */
    public Path directory(String name) throws IOException {
        Path dir = root.resolve(name);
        createPrivate(dir);
        return dir;
    }

    static void createPrivate(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (POSIX) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Makes a file readable and writable by its owner only. */
    static void ownerOnly(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Makes a rename or a new file in a directory survive a crash of the machine, not only of the process. */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for reading; the rename itself is still atomic.
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
