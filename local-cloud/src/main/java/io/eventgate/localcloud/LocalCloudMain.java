package io.eventgate.localcloud;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command line entry point: {@code java -jar local-cloud-exec.jar [--port 4566] [--bind 127.0.0.1]
 * [--hostname localhost] [--data-dir DIR] [--region us-east-1] [--account 000000000000]}.
 *
 * <p>Every option can also come from the environment ({@code LOCAL_CLOUD_PORT}, {@code LOCAL_CLOUD_BIND},
 * {@code LOCAL_CLOUD_HOSTNAME}, {@code LOCAL_CLOUD_DATA_DIR}, {@code LOCAL_CLOUD_REGION}, {@code LOCAL_CLOUD_ACCOUNT}),
 * which is how the container image is configured; a command-line option wins.
 */
public final class LocalCloudMain {

    static final String USAGE = """
            Usage: local-cloud [options]
              --port N          edge port (default 4566; 0 picks a free one)
              --bind ADDRESS    interface to listen on (default 127.0.0.1; 0.0.0.0 in containers)
              --hostname NAME   host name used in URLs local-cloud hands out (default localhost)
              --data-dir DIR    keep everything in DIR across restarts and crashes: DynamoDB tables,
                                SQS queues and messages, EventBridge, API Gateway and pending
                                deliveries (default: in memory; DIR is readable by its owner only)
              --region REGION   region served (default us-east-1)
              --account ID      12-digit account id served (default 000000000000)
              --help            show this help
            Health: GET http://<hostname>:<port>/_localcloud/health
            """;

    private LocalCloudMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Set before the first logger exists; a user-supplied -Dlogback.configurationFile wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/eventgate/localcloud/logback-local-cloud.xml");
        }
        LocalCloudSettings settings;
        try {
            settings = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("local-cloud: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (settings == null) {
            System.out.print(USAGE);
            return;
        }
        LocalCloud cloud;
        try {
            cloud = LocalCloud.start(settings);
        } catch (IllegalStateException e) {
            System.err.println("local-cloud: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            stopped.countDown();
        }, "local-cloud-shutdown"));
        stopped.await();
    }

    /** Settings from the command line over the environment; {@code null} when help was asked for. */
    static LocalCloudSettings parse(String[] args, Map<String, String> env) {
        LocalCloudSettings settings = LocalCloudSettings.defaults();
        settings = apply(settings, "--port", env.get("LOCAL_CLOUD_PORT"));
        settings = apply(settings, "--bind", env.get("LOCAL_CLOUD_BIND"));
        settings = apply(settings, "--hostname", env.get("LOCAL_CLOUD_HOSTNAME"));
        settings = apply(settings, "--data-dir", env.get("LOCAL_CLOUD_DATA_DIR"));
        settings = apply(settings, "--region", env.get("LOCAL_CLOUD_REGION"));
        settings = apply(settings, "--account", env.get("LOCAL_CLOUD_ACCOUNT"));
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if ("--help".equals(option) || "-h".equals(option)) {
                return null;
            }
            String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : null;
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            settings = apply(settings, name, value);
        }
        return settings;
    }

    private static LocalCloudSettings apply(LocalCloudSettings settings, String option, String value) {
        if (value == null || value.isBlank()) {
            return settings;
        }
        return switch (option) {
            case "--port" -> settings.withPort(parsePort(value));
            case "--bind" -> settings.withBindAddress(value);
            case "--hostname" -> settings.withHostname(value);
            case "--data-dir" -> settings.withDataDirectory(Path.of(value));
            case "--region" -> new LocalCloudSettings(settings.bindAddress(), settings.port(), settings.hostname(),
                    value, settings.accountId(), settings.dataDirectory());
            case "--account" -> new LocalCloudSettings(settings.bindAddress(), settings.port(), settings.hostname(),
                    settings.region(), value, settings.dataDirectory());
            default -> throw new IllegalArgumentException("unknown option " + option);
        };
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, was " + value);
        }
    }
}
