/**
 * What the benchmarks read about the machine they run on, in one place. The benchmarks are single source files run by
 * the java launcher; their run.sh scripts compile this class first (bench/support/compile.sh) and put it on the
 * classpath. Public: a launched source file is loaded by its own class loader, so package access would not reach.
 */
public final class BenchMachine {

    private BenchMachine() {
    }

    /** The 1, 5 and 15 minute load averages as the kernel writes them, e.g. {@code 1.02 0.87 0.55}. */
    public static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", java.util.Arrays.copyOf(parts, 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
