import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one JVM's Java CPU went, from a JFR recording's execution samples, in one line per recording:
 * {@code profile LABEL: 31.2 % AWS SDK · 18.0 % Tomcat · … (N samples)}.
 *
 * <p>Each sample is charged to one area: the benchmark's own load generator if any frame belongs to it (a class in the
 * unnamed package, as a source-launched bench is), else the innermost frame that belongs to a known area — so time
 * spent in a library called from our code counts for the library, and JDK or Scala frames count for whoever called
 * them. Samples are taken of threads running Java code only: JIT compiler and GC threads are not in them (bench/run
 * reads those from /proc).
 *
 * <p>Usage: {@code java bench/JfrSummary.java LABEL=FILE.jfr…}
 */
public final class JfrSummary {

    private record Area(String label, List<String> prefixes) {

        boolean owns(String className) {
            return prefixes.stream().anyMatch(className::startsWith);
        }
    }

    private static final String LOAD_GENERATOR = "bench load generator (with its SDK clients)";
    private static final String UNATTRIBUTED = "JDK or thread roots only";

    /** First match wins for the innermost frame, so a more specific prefix stands before a broader one. */
    private static final List<Area> AREAS = List.of(
            new Area("AWS SDK (marshalling, signing, HTTP client)", List.of("software.amazon.awssdk.")),
            new Area("event-ruler", List.of("software.amazon.event.ruler.")),
            new Area("DynamoDB Local + SQLite", List.of("com.amazonaws.services.dynamodbv2.", "com.almworks.sqlite4java.",
                    "org.antlr.", "com.amazon.dynamodb.")),
            new Area("ElasticMQ", List.of("org.elasticmq.")),
            new Area("Pekko / Pekko HTTP (ElasticMQ's server)", List.of("org.apache.pekko.")),
            new Area("JSON Schema validation", List.of("com.networknt.")),
            new Area("VTL (Velocity)", List.of("org.apache.velocity.")),
            new Area("Jackson", List.of("com.fasterxml.jackson.", "tools.jackson.")),
            new Area("Jetty (local-cloud's edge)", List.of("org.eclipse.jetty.")),
            new Area("Tomcat", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
            new Area("Spring Security", List.of("org.springframework.security.")),
            new Area("Spring (MVC, context, AOP)", List.of("org.springframework.")),
            new Area("Micrometer / OpenTelemetry", List.of("io.micrometer.", "io.opentelemetry.")),
            new Area("logging", List.of("ch.qos.logback.", "org.slf4j.")),
            new Area("Netty", List.of("io.netty.")),
            new Area("JDK HttpClient", List.of("jdk.internal.net.http.", "java.net.http.")),
            new Area("local-cloud's own code", List.of("io.eventgate.localcloud.")),
            new Area("orders-service's own code", List.of("io.eventgate.orders.")),
            new Area("carrier-service's own code", List.of("io.eventgate.carrier.")),
            new Area("eventgate shared modules", List.of("io.eventgate.")));

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java bench/JfrSummary.java LABEL=FILE.jfr...");
            System.exit(2);
        }
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                System.err.println("not LABEL=FILE.jfr: " + arg);
                System.exit(2);
            }
            System.out.println(summary(arg.substring(0, eq), Path.of(arg.substring(eq + 1))));
        }
    }

    static String summary(String label, Path recording) throws Exception {
        Map<String, Integer> samples = new HashMap<>();
        int total = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples.merge(areaOf(event.getStackTrace().getFrames()), 1, Integer::sum);
                total++;
            }
        }
        if (total == 0) {
            return "profile " + label + ": no execution samples in " + recording;
        }
        int all = total;
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(samples.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        String top = ranked.stream().limit(8)
                .map(e -> String.format("%.1f %% %s", 100.0 * e.getValue() / all, e.getKey()))
                .collect(Collectors.joining(" · "));
        int rest = ranked.stream().skip(8).mapToInt(Map.Entry::getValue).sum();
        return String.format("profile %s: %s%s (%d samples of Java threads)", label, top,
                rest == 0 ? "" : String.format(" · %.1f %% elsewhere", 100.0 * rest / all), all);
    }

    private static String areaOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (isLoadGenerator(className(frame))) {
                return LOAD_GENERATOR;
            }
        }
        for (RecordedFrame frame : frames) {
            String className = className(frame);
            for (Area area : AREAS) {
                if (area.owns(className)) {
                    return area.label();
                }
            }
        }
        return UNATTRIBUTED;
    }

    private static boolean isLoadGenerator(String className) {
        return !className.isEmpty() && !className.contains(".");
    }

    private static String className(RecordedFrame frame) {
        return frame.getMethod() == null || frame.getMethod().getType() == null ? ""
                : frame.getMethod().getType().getName();
    }
}
